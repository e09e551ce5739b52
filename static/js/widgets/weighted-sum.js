// weighted-sum: pick a query token; its row of weights scales each value vector (row of V), and the
// scaled vectors add up to that token's output. Every number comes from POST /api/weighted-sum: the
// scaled vectors are the core's own products, the terms of each output cell's explanation.
// State: {"preset": "journey" | "hand4" | null, "tokens": [T words], "x": T×d_model,
//         "wq", "wk", "wv": d_model×width, "causal": false, "scale": true, "query": row from 1}
import { startWidget, el } from '../widget.js';
import { subscript } from '../matrix.js';
import { postJson } from '../api.js';
import { attentionBody, checkAttention, checkbox, dims, group, inputsGroup, isCount, placeComputed } from '../attention.js';

export function mount(element) {
  const build = (host) => {
    const s = host.state;
    if (!host.controls.hasChildNodes()) host.controls.append(checkbox(host, 'causal', 'Causal mask'));
    host.controls.querySelector('.widget-switch input').checked = s.causal;
    host.controls.querySelector('fieldset')?.remove();
    host.controls.prepend(queryPicker(host));
    inputsGroup(host, host.body, [
      { field: 'x', name: 'X', rowLabels: s.tokens }, { field: 'wq', name: 'Wq' }, { field: 'wk', name: 'Wk' }, { field: 'wv', name: 'Wv' },
    ]);
  };

  const queryPicker = (host) => {
    const fieldset = el('fieldset', 'widget-choices');
    fieldset.append(el('legend', null, 'Query token'));
    const name = `${host.key}-query`;
    host.state.tokens.forEach((token, i) => {
      const label = el('label');
      const radio = el('input');
      Object.assign(radio, { type: 'radio', name, value: String(i + 1), checked: host.state.query === i + 1 });
      radio.addEventListener('change', () => host.change((s) => { s.query = i + 1; }));
      label.append(radio, ` ${i + 1}: ${token}`);
      fieldset.append(label);
    });
    return fieldset;
  };

  const compute = (state) => postJson('/api/weighted-sum', { ...attentionBody(state), row: state.query - 1 });

  const show = (host, sum) => {
    const s = host.state;
    const i = s.query - 1;
    const token = s.tokens[i];
    const a = `a${subscript(i + 1)}ⱼ`;
    const row = group(host.body, 'sum', `Output of “${token}” = Σⱼ ${a} · vⱼ`);
    const dv = dims(sum.output.length);
    placeComputed(host, row, { name: `weights of “${token}”`, key: 'weights-row', values: sum.weights.map((w) => [w]),
      rowLabels: s.tokens, colLabels: [a], scale: 'weights', step: 'weights', at: (r) => [i, r] });
    placeComputed(host, row, { name: 'V = X·Wv', key: 'v', values: sum.values, rowLabels: s.tokens, colLabels: dv, step: 'v' });
    placeComputed(host, row, { name: 'weighted values aⱼ·vⱼ', key: 'scaled-values', values: sum.weighted, rowLabels: s.tokens, colLabels: dv,
      step: 'head_output', at: (r, c) => [i, c] });
    placeComputed(host, row, { name: `output of “${token}”`, key: 'output-row', values: [sum.output], rowLabels: [token],
      colLabels: dv, step: 'head_output', at: (r, c) => [i, c] });
    let note = row.parentElement.querySelector('.widget-note');
    if (!note) {
      note = el('p', 'widget-note');
      row.after(note);
    }
    note.textContent = `Each row of V is multiplied by its weight; the output of “${token}” is the column-by-column sum of the weighted rows. `
      + 'A weight near 0 silences a token. The weights are positive and sum to 1, so each output number lies between the smallest and the largest number of its column of V.';
  };

  return startWidget(element, {
    label: 'Weighted sum widget',
    check: (state, chapter) => checkAttention(state, chapter) && isCount(state.query, state.x.length),
    build,
    compute,
    show,
  });
}
