// qkv: edit X and the three projections, watch Q = X·Wq, K = X·Wk, V = X·Wv and the scores Q·Kᵀ.
// State: {"preset": "journey" | "hand4" | null, "tokens": [T words], "x": T×d_model,
//         "wq", "wk", "wv": d_model×width, "shared": false}
// With "shared": true one matrix serves as all three (wk and wv are copies of wq), which forces
// Q = K and so symmetric scores. The presets to switch to come in data-options.
import { startWidget } from '../widget.js';
import { el, noteAfter, switchBox } from '../dom.js';
import { checkAttention, dims, group, inputsGroup, placeComputed, runAttention } from '../attention.js';
import { largestMagnitude } from '../matrix.js';

const PRESET_NAMES = {
  journey: '“Your journey starts with one step”',
  hand4: 'Two 4-dimensional tokens',
};

const copy = (m) => m.map((row) => row.slice());

export function mount(element) {
  let before = null; // Wk and Wv from before "one matrix" was switched on

  const build = (host) => {
    const s = host.state;
    host.afterEdit = (state, field) => {
      if (state.shared && field === 'wq') {
        state.wk = copy(state.wq);
        state.wv = copy(state.wq);
      }
    };
    if (!host.controls.hasChildNodes()) host.controls.append(presetPicker(host), sharedSwitch(host));
    host.controls.querySelector('select').value = s.preset ?? '';
    host.controls.querySelector('input[type="checkbox"]').checked = s.shared;
    const inputs = s.shared
      ? [{ field: 'wq', name: 'W (Wq = Wk = Wv)', key: 'wq' }]
      : [{ field: 'wq', name: 'Wq' }, { field: 'wk', name: 'Wk' }, { field: 'wv', name: 'Wv' }];
    inputsGroup(host, host.body, [{ field: 'x', name: 'X', rowLabels: s.tokens }, ...inputs], true);
  };

  const presetPicker = (host) => {
    const label = el('label', 'widget-field', 'Example ');
    const select = el('select');
    for (const name of Object.keys(host.options.presets)) {
      const option = el('option', null, PRESET_NAMES[name] ?? name);
      option.value = name;
      select.append(option);
    }
    const own = el('option', null, 'Your own numbers');
    own.value = '';
    own.disabled = true;
    select.append(own);
    select.addEventListener('change', () => {
      const preset = host.options.presets[select.value];
      host.change((s) => {
        s.preset = select.value;
        s.tokens = preset.tokens.slice();
        s.x = copy(preset.x);
        s.wq = copy(preset.wq);
        s.wk = copy(s.shared ? preset.wq : preset.wk);
        s.wv = copy(s.shared ? preset.wq : preset.wv);
      }, { rebuild: true });
    });
    label.append(select);
    return label;
  };

  const sharedSwitch = (host) => switchBox('One matrix for all three (Wk = Wv = Wq)', host.state.shared, (checked) => {
    host.change((s) => {
      s.shared = checked;
      if (s.shared) {
        before = { wk: s.wk, wv: s.wv };
        s.wk = copy(s.wq);
        s.wv = copy(s.wq);
      } else if (before && before.wk[0].length === s.wq[0].length && before.wk.length === s.wq.length) {
        s.wk = before.wk;
        s.wv = before.wv;
      }
    }, { rebuild: true });
  });

  const show = (host, answer) => {
    const s = host.state;
    const projections = group(host.body, 'projections', 'Queries, keys and values');
    const range = largestMagnitude(answer.q, answer.k, answer.v); // one scale: a number is one colour in Q, K and V
    for (const [key, name, matrix] of [['q', 'Q = X·Wq', answer.q], ['k', 'K = X·Wk', answer.k], ['v', 'V = X·Wv', answer.v]]) {
      placeComputed(host, projections, { name, key, values: matrix, rowLabels: s.tokens, colLabels: dims(matrix[0].length), step: key, range });
    }
    const scores = group(host.body, 'scores', 'Scores: every query against every key');
    placeComputed(host, scores, { name: 'scores Q·Kᵀ', key: 'scores', values: answer.heads[0].scores, rowLabels: s.tokens,
      colLabels: s.tokens, step: 'scores' });
    noteAfter(scores, s.shared
      ? 'One matrix makes Q = K, so scores[i][j] = qᵢ·qⱼ = scores[j][i]: the grid mirrors across its diagonal. What a token looks for and what it offers can no longer differ.'
      : 'With separate Wq and Wk, row i, column j and row j, column i can differ: what token i looks for is not what it offers.');
  };

  return startWidget(element, {
    label: 'Queries, keys and values widget',
    check: (state, chapter) => checkAttention(state, chapter),
    build,
    compute: runAttention,
    show,
  });
}
