// pipeline: the whole of attention one step at a time, X → Q, K, V → scores → scaled → masked →
// weights → output, with Previous and Next; every matrix is captioned with its shape, and every
// computed number explains itself on a click or Enter. X and the projections are edited at step 1.
// With "window" the mask also hides keys w or more tokens back; with "rope" the score step shows Q and K
// rotated by position, the rows the scores use.
// State: {"preset": … | null, "tokens": [T words], "x": T×d_model, "wq", "wk", "wv": d_model×width,
//         "wo": width×d_out or null, "causal": false, "scale": true, "step": 1 … 7, and when written "window", "rope"}
import { startWidget } from '../widget.js';
import { el } from '../dom.js';
import { checkAttention, checkbox, dims, isCount, keepOnly, placeComputed, placeInputs, runAttention } from '../attention.js';
import { largestMagnitude } from '../matrix.js';

const STEPS = [
  'The input X: one row a token',
  'Project: Q = X·Wq, K = X·Wk, V = X·Wv',
  'Score: every query against every key, Q·Kᵀ',
  'Scale: divide the scores by √d_k',
  'Mask: −∞ where a token would see the future',
  'Normalise: softmax of each row gives the weights',
  'Mix: each output row is its weights times V',
];

const transpose = (m) => m[0].map((_, c) => m.map((row) => row[c]));

export function mount(element) {
  let last = null;

  const build = (host) => {
    if (!host.controls.hasChildNodes()) host.controls.append(...controls(host));
    const causal = host.controls.querySelector('.widget-switch input');
    causal.checked = host.state.causal;
    causal.disabled = Boolean(host.state.window); // a sliding window is a causal mask with a limit: it needs the mask on
    let stage = host.body.querySelector(':scope > .pipeline-stage');
    if (!stage) {
      stage = el('div', 'matrix-row pipeline-stage');
      host.body.append(stage);
    }
    delete stage.dataset.step; // inputs are redrawn from the state
    render(host);
  };

  const controls = (host) => {
    const nav = el('div', 'pipeline-nav');
    const previous = el('button', 'widget-button', 'Previous');
    const next = el('button', 'widget-button', 'Next');
    previous.type = next.type = 'button';
    previous.dataset.action = 'previous';
    next.dataset.action = 'next';
    const title = el('p', 'pipeline-title');
    title.setAttribute('aria-live', 'polite');
    previous.addEventListener('click', () => go(host, -1));
    next.addEventListener('click', () => go(host, 1));
    const buttons = el('div', 'pipeline-buttons');
    buttons.append(previous, next);
    nav.append(title, buttons);
    return [nav, checkbox(host, 'causal', 'Causal mask')];
  };

  const go = (host, delta) => {
    const step = Math.min(STEPS.length, Math.max(1, host.state.step + delta));
    host.change((s) => { s.step = step; }, { recompute: false });
    render(host);
  };

  const render = (host) => {
    const s = host.state;
    const [previous, next] = host.controls.querySelectorAll('.pipeline-nav button');
    previous.disabled = s.step === 1;
    next.disabled = s.step === STEPS.length;
    host.controls.querySelector('.pipeline-title').textContent = `Step ${s.step} of ${STEPS.length}: ${title(s)}`;
    const stage = host.body.querySelector('.pipeline-stage');
    if (s.step === 1) {
      if (stage.dataset.step !== '1') {
        stage.replaceChildren();
        placeInputs(host, stage, [{ field: 'x', name: 'X', rowLabels: s.tokens }, { field: 'wq', name: 'Wq' }, { field: 'wk', name: 'Wk' },
          { field: 'wv', name: 'Wv' }]);
      }
      stage.dataset.step = '1';
      return;
    }
    if (stage.dataset.step === '1') stage.replaceChildren();
    stage.dataset.step = String(s.step);
    if (!last) return;
    const keys = matrices(host, stage, last).map((spec) => placeComputed(host, stage, spec).dataset.matrix);
    keepOnly(stage, keys);
    const order = [...stage.children].map((child) => child.dataset.matrix);
    if (order.join() !== keys.join()) stage.replaceChildren(...keys.map((key) => stage.querySelector(`[data-matrix="${key}"]`)));
  };

  /** The step's title, saying what the modern options change. */
  const title = (s) => {
    if (s.step === 3 && s.rope) return 'Score: every rotated query against every rotated key, Q_rot·K_rotᵀ';
    if (s.step === 5 && s.window) return `Mask: −∞ where a token would see the future or lies ${s.window} or more tokens back (window ${s.window})`;
    return STEPS[s.step - 1];
  };

  /** The matrices of the current step: its inputs first, then what it computes. */
  const matrices = (host, stage, answer) => {
    const s = host.state;
    const head = answer.heads[0];
    // one scale for the vectors (Q, K, V and the outputs), one for the scores (raw, scaled, masked); weights run 0 to 1
    const rows = { rowLabels: s.tokens, range: largestMagnitude(answer.q, answer.k, answer.v, head.output, answer.output) };
    const grid = { rowLabels: s.tokens, colLabels: s.tokens, range: largestMagnitude(head.scores, head.scaled, head.masked) };
    const byToken = (name, key, values, step) => ({ ...rows, name, key, values, colLabels: dims(values[0].length), step });
    const q = byToken('Q = X·Wq', 'q', answer.q, 'q');
    const k = byToken('K = X·Wk', 'k', answer.k, 'k');
    const v = byToken('V = X·Wv', 'v', answer.v, 'v');
    const kt = s.rope
      ? { name: 'K rotated, transposed', key: 'kt', values: transpose(head.k_rotated), rowLabels: dims(head.k_rotated[0].length),
        colLabels: s.tokens, step: 'k_rotated', at: (r, c) => [c, r], range: rows.range }
      : { name: 'Kᵀ', key: 'kt', values: transpose(answer.k), rowLabels: dims(answer.k[0].length), colLabels: s.tokens,
        step: 'k', at: (r, c) => [c, r], range: rows.range };
    const qRotated = s.rope ? byToken('Q rotated by position', 'q-rotated', head.q_rotated, 'q_rotated') : null;
    const scores = { ...grid, name: s.rope ? 'scores Q_rot·K_rotᵀ' : 'scores Q·Kᵀ', key: 'scores', values: head.scores, step: 'scores' };
    const scaled = { ...grid, name: s.scale ? 'scaled Q·Kᵀ / √d_k' : 'unscaled Q·Kᵀ', key: 'scaled', values: head.scaled, step: 'scaled' };
    const masked = { ...grid, name: s.causal ? 'masked scores' : 'scores (no mask)', key: 'masked', values: head.masked, step: 'masked' };
    const weights = { ...grid, name: 'weights A', key: 'weights', values: head.weights, scale: 'weights', step: 'weights' };
    const output = byToken(s.wo ? 'output = concat·Wo' : 'output = A·V', 'output', answer.output, 'output');
    switch (s.step) {
      case 2: return [q, k, v];
      case 3: return s.rope ? [qRotated, kt, scores] : [q, kt, scores];
      case 4: return [scores, scaled];
      case 5: return [scaled, masked];
      case 6: return [masked, weights];
      default: return s.wo
        ? [weights, v, byToken('A·V', 'head-output', head.output, 'head_output'), output]
        : [weights, v, output];
    }
  };

  const show = (host, answer) => {
    last = answer;
    render(host);
  };

  return startWidget(element, {
    label: 'Attention pipeline widget',
    check: (state, chapter) => checkAttention(state, chapter) && isCount(state.step, STEPS.length)
      && (state.window === undefined || state.window === 0 || state.causal) && state.kv_heads === undefined,
    build,
    compute: runAttention,
    show,
  });
}
