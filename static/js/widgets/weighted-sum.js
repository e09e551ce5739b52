// weighted-sum: pick a query token; its row of weights scales each value vector (row of V), and the
// scaled vectors add up to that token's output. The scaled vectors are the core's own products,
// read from the explanation of each output cell (POST /api/attention/explain), not multiplied here.
// State: {"preset": "journey" | "hand4" | null, "tokens": [T words], "x": T×d_model,
//         "wq", "wk", "wv": d_model×width, "causal": false, "scale": true, "query": row from 1}
import { startWidget, el } from '../widget.js';
import { subscript } from '../matrix.js';
import { postJson } from '../api.js';
import { attentionBody, checkAttention, checkbox, dims, group, inputsGroup, isCount, placeComputed, runAttention } from '../attention.js';

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

  const compute = (state) => {
    const body = attentionBody(state);
    const row = state.query - 1;
    const columns = dims(state.wv[0].length).map((_, c) =>
      postJson('/api/attention/explain', { ...body, step: 'head_output', head: 0, row, col: c }));
    return Promise.all([runAttention(state), ...columns]).then(([answer, ...outputs]) => ({ answer, outputs }));
  };

  const show = (host, { answer, outputs }) => {
    const s = host.state;
    const i = s.query - 1;
    const token = s.tokens[i];
    const head = answer.heads[0];
    const a = `a${subscript(i + 1)}ⱼ`;
    const row = group(host.body, 'sum', `Output of “${token}” = Σⱼ ${a} · vⱼ`);
    const dv = dims(answer.v[0].length);
    placeComputed(host, row, { name: `weights of “${token}”`, key: 'weights-row', values: head.weights[i].map((a) => [a]),
      rowLabels: s.tokens, colLabels: [a], scale: 'weights', step: 'weights', at: (r) => [i, r] });
    placeComputed(host, row, { name: 'V = X·Wv', key: 'v', values: answer.v, rowLabels: s.tokens, colLabels: dv, step: 'v' });
    // product j of output cell c is weights[i][j] × V[j][c]: the explanation lists them in order of j
    const scaled = s.tokens.map((_, j) => outputs.map((explanation) => explanation.terms[j].value));
    placeComputed(host, row, { name: 'weighted values aⱼ·vⱼ', key: 'scaled-values', values: scaled, rowLabels: s.tokens, colLabels: dv,
      step: 'head_output', at: (r, c) => [i, c] });
    placeComputed(host, row, { name: `output of “${token}”`, key: 'output-row', values: [head.output[i]], rowLabels: [token],
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
