// masking: the causal mask on and off. Above the diagonal a token would see the future: the mask
// puts −∞ there, and softmax turns −∞ into a weight of exactly 0.
// State: {"preset": "journey" | "hand4" | null, "tokens": [T words], "x": T×d_model,
//         "wq", "wk", "wv": d_model×width, "causal": true, "scale": true}
import { startWidget } from '../widget.js';
import { noteAfter } from '../dom.js';
import { checkAttention, checkbox, group, inputsGroup, placeComputed, runAttention } from '../attention.js';
import { largestMagnitude } from '../matrix.js';

export function mount(element) {
  const build = (host) => {
    const s = host.state;
    if (!host.controls.hasChildNodes()) {
      host.controls.append(checkbox(host, 'causal', 'Causal mask: each token sees only itself and earlier tokens'));
    }
    host.controls.querySelector('input').checked = s.causal;
    inputsGroup(host, host.body, [
      { field: 'x', name: 'X', rowLabels: s.tokens }, { field: 'wq', name: 'Wq' }, { field: 'wk', name: 'Wk' },
    ]);
  };

  const show = (host, answer) => {
    const s = host.state;
    const head = answer.heads[0];
    const row = group(host.body, 'mask', s.causal ? 'Masked, then normalised row by row' : 'No mask: every token sees every token');
    // the scaled and the masked scores on one scale: a visible cell keeps its colour when the mask hides a larger one
    const grid = { rowLabels: s.tokens, colLabels: s.tokens, range: largestMagnitude(head.scaled, head.masked) };
    placeComputed(host, row, { ...grid, name: s.scale ? 'scaled Q·Kᵀ / √d_k' : 'unscaled Q·Kᵀ', key: 'scaled', values: head.scaled, step: 'scaled' });
    placeComputed(host, row, { ...grid, name: s.causal ? 'masked scores' : 'scores (no mask)', key: 'masked', values: head.masked, step: 'masked' });
    placeComputed(host, row, { ...grid, name: 'weights A', key: 'weights', values: head.weights, scale: 'weights', step: 'weights' });
    noteAfter(row, s.causal
      ? 'Above the diagonal the mask adds −∞, and exp(−∞) = 0: those weights are exactly 0, and each row still sums to 1. The diagonal stays: a token always sees itself.'
      : 'Without the mask, the first token already mixes in the last one: fine for reading a whole sentence, wrong for predicting the next word.');
  };

  return startWidget(element, {
    label: 'Masking widget',
    check: (state, chapter) => checkAttention(state, chapter),
    build,
    compute: runAttention,
    show,
  });
}
