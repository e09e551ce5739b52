"""Writes src/test/resources/modern-attention-cases.json: grouped-query heads, sliding windows and
rotary positions computed in float64 by numpy, independently of the Java core.

Run from the repository root: python3 src/test/python/modern_attention_cases.py
"""
import json
import numpy as np


def rope(block):
    """Row p of a T×d_k block, pair (2m, 2m+1) turned by p·10000^(−2m/d_k)."""
    t, dk = block.shape
    out = block.copy()
    for p in range(t):
        for m in range(dk // 2):
            a = p * 10000.0 ** (-2.0 * m / dk)
            x0, x1 = block[p, 2 * m], block[p, 2 * m + 1]
            out[p, 2 * m] = x0 * np.cos(a) - x1 * np.sin(a)
            out[p, 2 * m + 1] = x0 * np.sin(a) + x1 * np.cos(a)
    return out


def attention(x, wq, wk, wv, wo, heads, kv_heads, causal, scale, window, use_rope):
    q, k, v = x @ wq, x @ wk, x @ wv
    t = x.shape[0]
    dk = wq.shape[1] // heads
    dv = wv.shape[1] // kv_heads
    hidden = np.zeros((t, t), dtype=bool)
    if causal:
        i, j = np.indices((t, t))
        hidden = j > i
        if window:
            hidden |= j <= i - window
    out = {"q": q, "k": k, "v": v, "kv_group": [], "q_rotated": [], "k_rotated": [],
           "scores": [], "scaled": [], "masked": [], "weights": [], "heads_out": []}
    for h in range(heads):
        g = h * kv_heads // heads
        qh = q[:, h * dk:(h + 1) * dk]
        kh = k[:, g * dk:(g + 1) * dk]
        vh = v[:, g * dv:(g + 1) * dv]
        if use_rope:
            qh, kh = rope(qh), rope(kh)
            out["q_rotated"].append(qh)
            out["k_rotated"].append(kh)
        s = qh @ kh.T
        sc = s / np.sqrt(dk) if scale else s
        m = np.where(hidden, -np.inf, sc)
        e = np.exp(m - m.max(axis=1, keepdims=True))
        a = e / e.sum(axis=1, keepdims=True)
        out["kv_group"].append(g)
        for key, val in (("scores", s), ("scaled", sc), ("masked", m), ("weights", a), ("heads_out", a @ vh)):
            out[key].append(val)
    concat = np.concatenate(out["heads_out"], axis=1)
    out["concat"] = concat
    out["output"] = concat if wo is None else concat @ wo
    return out


def listed(value):
    if isinstance(value, np.ndarray):
        return [listed(v) for v in value] if value.ndim else ("-inf" if np.isneginf(value) else float(value))
    if isinstance(value, dict):
        return {key: listed(v) for key, v in value.items()}
    if isinstance(value, list):
        return [listed(v) for v in value]
    if isinstance(value, (np.floating, float)):
        return "-inf" if np.isneginf(value) else float(value)
    return value


def case(name, rng, tokens, d_model, heads, kv_heads, dk, dv, d_out, causal, scale, window, use_rope):
    def draw(rows, cols):
        return rng.integers(-4, 5, size=(rows, cols)) / 2.0
    x = draw(tokens, d_model)
    wq, wk, wv = draw(d_model, heads * dk), draw(d_model, kv_heads * dk), draw(d_model, kv_heads * dv)
    wo = None if d_out is None else draw(heads * dv, d_out)
    expected = attention(x, wq, wk, wv, wo, heads, kv_heads, causal, scale, window, use_rope)
    return {"name": name, "x": listed(x), "wq": listed(wq), "wk": listed(wk), "wv": listed(wv),
            "wo": None if wo is None else listed(wo), "heads": heads, "kv_heads": kv_heads, "causal": causal,
            "scale": scale, "window": window, "rope": use_rope, "expected": listed(expected)}


def main():
    rng = np.random.default_rng(20261203)
    cases = [
        case("gqa_4_heads_2_groups", rng, 4, 4, 4, 2, 2, 1, None, False, True, 0, False),
        case("gqa_with_wo_causal", rng, 5, 3, 4, 2, 1, 2, 3, True, True, 0, False),
        case("mqa_3_heads_1_group", rng, 4, 4, 3, 1, 2, 2, None, True, True, 0, False),
        case("window_2_single_head", rng, 5, 3, 1, 1, 2, 2, None, True, True, 2, False),
        case("window_1_only_itself", rng, 4, 2, 1, 1, 2, 1, None, True, False, 1, False),
        case("rope_2_heads", rng, 4, 4, 2, 2, 2, 2, None, False, True, 0, True),
        case("rope_dk_4_causal", rng, 5, 4, 1, 1, 4, 2, None, True, True, 0, True),
        case("all_three_gqa_window_rope", rng, 6, 4, 4, 2, 2, 1, 2, True, True, 3, True),
    ]
    with open("src/test/resources/modern-attention-cases.json", "w") as out:
        json.dump(cases, out, indent=None)
        out.write("\n")


if __name__ == "__main__":
    main()
