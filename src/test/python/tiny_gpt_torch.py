"""The book's tiny GPT written again in PyTorch eager, to compare training speed (not part of the build).

Same model as attentionbook.model.TinyGpt: token and position embeddings, pre-RMSNorm layers of causal
multi-head attention (no biases, 1/sqrt(d_k), W_O) and an optional GELU (tanh) MLP of width 4*d_model,
a final RMSNorm, an untied unembedding, cross-entropy on the scored positions only; float64, one thread.
Weights are stored [in x out] as in the book (y = x @ W).

Usage:  python3 src/test/python/tiny_gpt_torch.py [copy|sort|induction ...]
Prints steps a second for forward + backward (what TinyGptBenchmark times) and for a whole step with AdamW.
Needs PyTorch: Debian's python3-torch (apt-get install python3-torch) or `pip install torch`; the book never depends on it.
"""
import math
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

# the defaults of RunConfig.defaults(task): vocabulary, context, layers, heads, d_model, mlp, batch
CONFIGS = {
    "copy": (11, 16, 1, 2, 32, True, 32),
    "reverse": (11, 16, 1, 2, 32, True, 32),
    "sort": (11, 16, 2, 2, 32, True, 32),
    "previous-token": (10, 16, 1, 1, 16, False, 32),
    "induction": (16, 16, 2, 2, 32, False, 32),
}


def rms_norm(x, g):
    return g * x / torch.sqrt((x * x).mean(dim=-1, keepdim=True) + 1e-5)


class TinyGpt(torch.nn.Module):
    def __init__(self, vocabulary, context, layers, heads, d, mlp):
        super().__init__()
        def uniform(rows, cols, bound):
            return torch.nn.Parameter((torch.rand(rows, cols) * 2 - 1) * bound)
        self.heads, self.mlp = heads, mlp
        self.tok_emb = uniform(vocabulary, d, math.sqrt(3))
        self.pos_emb = uniform(context, d, math.sqrt(3))
        self.layers = torch.nn.ModuleList()
        for _ in range(layers):
            layer = torch.nn.Module()
            layer.norm1 = torch.nn.Parameter(torch.ones(d))
            for name in ("wq", "wk", "wv", "wo"):
                setattr(layer, name, uniform(d, d, 1 / math.sqrt(d)))
            if mlp:
                layer.norm2 = torch.nn.Parameter(torch.ones(d))
                layer.w1 = uniform(d, 4 * d, 1 / math.sqrt(d))
                layer.w2 = uniform(4 * d, d, 1 / math.sqrt(4 * d))
            self.layers.append(layer)
        self.norm_f = torch.nn.Parameter(torch.ones(d))
        self.unembed = uniform(d, vocabulary, 1 / math.sqrt(d))
        self.register_buffer("mask", torch.triu(torch.ones(context, context, dtype=torch.bool), diagonal=1))

    def attention(self, layer, x):
        b, t, d = x.shape
        dk = d // self.heads
        split = lambda m: m.view(b, t, self.heads, dk).transpose(1, 2)      # [B, h, T, d_k]
        q, k, v = split(x @ layer.wq), split(x @ layer.wk), split(x @ layer.wv)
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(dk)                  # [B, h, T, T]
        scores = scores.masked_fill(self.mask[:t, :t], float("-inf"))
        out = torch.softmax(scores, dim=-1) @ v                             # [B, h, T, d_k]
        return out.transpose(1, 2).reshape(b, t, d) @ layer.wo               # concat . W_O

    def forward(self, tokens, targets):
        t = tokens.shape[1]
        x = self.tok_emb[tokens] + self.pos_emb[:t]
        for layer in self.layers:
            x = x + self.attention(layer, rms_norm(x, layer.norm1))
            if self.mlp:
                x = x + torch.nn.functional.gelu(rms_norm(x, layer.norm2) @ layer.w1, approximate="tanh") @ layer.w2
        logits = rms_norm(x, self.norm_f) @ self.unembed
        return torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1),
                                                 ignore_index=-1)


def batch(task, vocabulary, context, size):
    """Random tokens with the task's shape and a scored half; the speed does not depend on the values."""
    tokens = torch.randint(0, vocabulary, (size, context))
    targets = torch.randint(0, vocabulary, (size, context))
    targets[:, : context // 2] = -1
    return tokens, targets


def measure(task, seconds=5.0):
    vocabulary, context, layers, heads, d, mlp, size = CONFIGS[task]
    torch.manual_seed(1)
    model = TinyGpt(vocabulary, context, layers, heads, d, mlp)
    optimiser = torch.optim.AdamW(model.parameters(), lr=0.003, betas=(0.9, 0.99), weight_decay=0.01)
    tokens, targets = batch(task, vocabulary, context, size)

    def rate(with_optimiser):
        steps, start = 0, time.process_time()
        while time.process_time() - start < seconds:
            model.zero_grad(set_to_none=True)
            model(tokens, targets).backward()
            if with_optimiser:
                optimiser.step()
            steps += 1
        return steps / (time.process_time() - start)

    rate(False)                                                             # warm-up
    print(f"{task}: forward+backward {rate(False):.0f} steps/s, with AdamW {rate(True):.0f} steps/s "
          f"(CPU time, 1 thread, torch {torch.__version__})")


if __name__ == "__main__":
    for name in sys.argv[1:] or ["copy", "sort", "induction"]:
        measure(name)
