// weighted-sum: pick a query token; its row of weights scales each value vector (row of V), and the
// scaled vectors add up to that token's output. The weights come from attention, or the reader sets
// them (the server divides them by their sum, as softmax's add up to 1). Every number comes from
// POST /api/weighted-sum: the scaled vectors are the core's own products.
// State: {"preset": "journey" | "hand4" | null, "tokens": [T words], "x": T×d_model,
//         "wq", "wk", "wv": d_model×width, "causal": false, "scale": true, "query": row from 1,
//         "weights": null, or T non-negative numbers that replace the query's weights}
import { startWidget } from '../widget.js';
import { el, noteAfter, switchBox } from '../dom.js';
import { postJson } from '../api.js';
import { largestMagnitude, placeMatrix, subscript } from '../matrix.js';
import { DIGITS, attentionBody, checkAttention, checkbox, dims, group, inputsGroup, isCount, placeComputed } from '../attention.js';

export function mount(element) {
  let last = null; // the latest answer, whose weights become the reader's starting point

  const build = (host) => {
    const s = host.state;
    if (!host.controls.hasChildNodes()) host.controls.append(checkbox(host, 'causal', 'Causal mask'), ownWeightsSwitch(host));
    host.controls.querySelector('.widget-switch input').checked = s.causal;
    host.controls.querySelector('[data-switch="own"]').checked = s.weights !== null;
    host.controls.querySelector('fieldset')?.remove();
    host.controls.prepend(queryPicker(host));
    inputsGroup(host, host.body, [
      { field: 'x', name: 'X', rowLabels: s.tokens }, { field: 'wq', name: 'Wq' }, { field: 'wk', name: 'Wk' }, { field: 'wv', name: 'Wv' },
    ]);
    ownWeights(host);
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

  const ownWeightsSwitch = (host) => {
    const label = switchBox('Set the weights yourself', host.state.weights !== null, (checked) => host.change((s) => {
      s.weights = checked ? (last ? last.weights.slice() : s.tokens.map(() => 1)) : null;
    }, { rebuild: true }));
    label.querySelector('input').dataset.switch = 'own';
    return label;
  };

  /** The reader's own weights as inputs, shown only while "Set the weights yourself" is on. */
  const ownWeights = (host) => {
    const s = host.state;
    let box = host.body.querySelector(':scope > .weighted-sum-own');
    if (s.weights === null) {
      box?.remove();
      return;
    }
    if (!box) {
      box = el('div', 'widget-group weighted-sum-own');
      box.append(el('h3', 'widget-group-title', 'Your weights'), el('div', 'matrix-row'),
        el('p', 'widget-note', 'Type any numbers of 0 or more. They are divided by their sum, so that they add up to 1 as softmax’s weights do.'));
      host.body.querySelector(':scope > details').after(box);
    }
    const row = box.querySelector('.matrix-row');
    row.replaceChildren();
    placeMatrix(row, {
      name: 'your weights', key: 'own-weights', values: s.weights.map((w) => [w]), rowLabels: s.tokens, colLabels: ['w'],
      scale: 'signed', digits: DIGITS,
      edit: {
        label: (r) => `your weight for ${s.tokens[r]}`,
        change: (r, c, value) => {
          if (value === null || value < 0) host.say(`The weight for ${s.tokens[r]} must be a number of 0 or more.`, true);
          else host.change((state) => { state.weights[r] = value; });
        },
      },
    });
  };

  const body = (state) => ({ ...attentionBody(state), row: state.query - 1, weights: state.weights });
  const compute = (state) => postJson('/api/weighted-sum', body(state));

  const show = (host, sum) => {
    last = sum;
    const s = host.state;
    const own = sum.given !== null;
    const i = s.query - 1;
    const token = s.tokens[i];
    const a = `a${subscript(i + 1)}ⱼ`;
    const row = group(host.body, 'sum', `Output of “${token}” = Σⱼ ${a} · vⱼ`);
    const dv = dims(sum.output.length);
    // every cell explains itself through the widget's own endpoint: a product aⱼ·V[j][c] is one product, not the sum
    const ask = (matrix) => (r, c) => ['/api/weighted-sum/explain', { ...body(host.state), explain: { matrix, row: r, col: c } }];
    const range = largestMagnitude(sum.values, sum.weighted, [sum.output]); // V, its weighted rows and their sum on one scale
    placeComputed(host, row, { name: own ? 'your weights ÷ their sum' : `weights of “${token}”`, key: 'weights-row',
      values: sum.weights.map((w) => [w]), rowLabels: s.tokens, colLabels: [a], scale: 'weights', ask: ask('weights') });
    placeComputed(host, row, { name: 'V = X·Wv', key: 'v', values: sum.values, rowLabels: s.tokens, colLabels: dv, ask: ask('v'), range });
    placeComputed(host, row, { name: 'weighted values aⱼ·vⱼ', key: 'scaled-values', values: sum.weighted, rowLabels: s.tokens, colLabels: dv,
      ask: ask('weighted'), range });
    placeComputed(host, row, { name: `output of “${token}”`, key: 'output-row', values: [sum.output], rowLabels: [token],
      colLabels: dv, ask: ask('output'), range });
    noteAfter(row, `Each row of V is multiplied by its weight; the output of “${token}” is the column-by-column sum of the weighted rows. `
      + 'A weight near 0 silences a token. The weights are 0 or more and sum to 1, so each output number lies between the smallest and the largest number of its column of V.');
  };

  return startWidget(element, {
    label: 'Weighted sum widget',
    check: (state, chapter) => checkAttention(state, chapter) && isCount(state.query, state.x.length)
      && (state.weights === null || (Array.isArray(state.weights) && state.weights.length === state.x.length
        && state.weights.every((w) => Number.isFinite(w) && w >= 0))),
    build,
    compute,
    show,
  });
}
