// multi-head: split the width of Q, K and V into h blocks of columns, one block a head; each head
// has its own weights, the head outputs are put side by side (concat) and W_O mixes them. The head
// counts offered are the divisors of the width (data-options), so no choice leaves a column over.
// State: {"preset": … | null, "tokens": [T words], "x": T×d_model, "wq", "wk", "wv": d_model×width,
//         "wo": width×d_out, "heads": h, "causal": false, "scale": true}
import { startWidget } from '../widget.js';
import { el } from '../dom.js';
import { checkAttention, checkbox, dims, group, inputRange, inputsGroup, keepOnly, placeComputed, runAttention } from '../attention.js';
import { largestMagnitude, placeMatrix } from '../matrix.js';

/** Columns from … from+width−1 of every row: one head's block, numbers as the core computed them. */
const block = (m, from, width) => m.map((row) => row.slice(from, from + width));

export function mount(element) {
  const build = (host) => {
    const s = host.state;
    if (!host.controls.hasChildNodes()) host.controls.append(headPicker(host), checkbox(host, 'causal', 'Causal mask'), parameters(host));
    for (const radio of host.controls.querySelectorAll('input[type="radio"]')) radio.checked = Number(radio.value) === s.heads;
    host.controls.querySelector('.widget-switch input').checked = s.causal;
    inputsGroup(host, host.body, [
      { field: 'x', name: 'X', rowLabels: s.tokens }, { field: 'wq', name: 'Wq' }, { field: 'wk', name: 'Wk' },
      { field: 'wv', name: 'Wv' }, { field: 'wo', name: 'Wo' },
    ]);
  };

  const headPicker = (host) => {
    const fieldset = el('fieldset', 'widget-choices');
    fieldset.append(el('legend', null, 'Heads'));
    for (const h of host.options.heads) {
      const label = el('label');
      const radio = el('input');
      Object.assign(radio, { type: 'radio', name: `${host.key}-heads`, value: String(h) });
      radio.addEventListener('change', () => host.change((s) => { s.heads = h; }));
      label.append(radio, ` ${h}`);
      fieldset.append(label);
    }
    return fieldset;
  };

  /** The weights' sizes never change here, so the count comes with the page (data-options), computed by the server. */
  const parameters = (host) => {
    const p = host.options.parameters;
    const choices = host.options.heads;
    const list = choices.length > 1 ? `with ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]} heads alike` : 'with its one head';
    return el('p', 'widget-note multi-head-parameters',
      `Parameters in Wq, Wk, Wv and Wo: ${p.wq} + ${p.wk} + ${p.wv} + ${p.wo} = ${p.total}, ${list}.`);
  };

  const show = (host, answer) => {
    const s = host.state;
    const heads = answer.heads.length;
    // one scale for every vector (Q, K, V, each head's A·V, concat and the output); weights have their own 0 to 1
    const tokens = { rowLabels: s.tokens, range: largestMagnitude(answer.q, answer.k, answer.v, answer.concat, answer.output) };
    const blocks = group(host.body, 'blocks', `Each of the ${heads} heads takes its own block of columns of Q, K and V`);
    const shown = [];
    for (let h = 0; h < heads; h++) {
      for (const [key, name, m] of [['q', 'Q', answer.q], ['k', 'K', answer.k], ['v', 'V', answer.v]]) {
        const width = key === 'v' ? answer.dv : answer.dk; // each head's block of columns, as the API reports it
        const first = h * width;
        shown.push(`${key}-h${h + 1}`);
        placeComputed(host, blocks, { ...tokens, name: `${name} (head ${h + 1})`, key: `${key}-h${h + 1}`, values: block(m, first, width),
          colLabels: dims(m[0].length).slice(first, first + width), step: key, at: (r, c) => [r, first + c] });
      }
    }
    keepOnly(blocks, shown);
    const order = [...blocks.children].map((child) => child.dataset.matrix);
    if (order.join() !== shown.join()) blocks.replaceChildren(...shown.map((key) => blocks.querySelector(`[data-matrix="${key}"]`)));

    const weights = group(host.body, 'weights', 'Each head’s weights, side by side');
    const outputs = group(host.body, 'outputs', 'Each head’s output A·V (its own block of V)');
    const weightKeys = [];
    const outputKeys = [];
    answer.heads.forEach((head, h) => {
      weightKeys.push(`weights-h${h + 1}`);
      outputKeys.push(`output-h${h + 1}`);
      placeComputed(host, weights, { ...tokens, name: `weights A (head ${h + 1})`, key: `weights-h${h + 1}`, values: head.weights,
        colLabels: s.tokens, scale: 'weights', step: 'weights', head: h });
      placeComputed(host, outputs, { ...tokens, name: `A·V (head ${h + 1})`, key: `output-h${h + 1}`, values: head.output,
        colLabels: dims(head.output[0].length), step: 'head_output', head: h });
    });
    keepOnly(weights, weightKeys);
    keepOnly(outputs, outputKeys);

    const end = group(host.body, 'output', 'The heads side by side, mixed by Wo');
    placeComputed(host, end, { ...tokens, name: 'concat(heads)', key: 'concat', values: answer.concat,
      colLabels: dims(answer.concat[0].length), step: 'concat' });
    placeMatrix(end, { name: 'Wo', key: 'wo', values: s.wo, rowLabels: dims(s.wo.length), colLabels: dims(s.wo[0].length),
      scale: 'signed', digits: 2, range: inputRange(host, ['x', 'wq', 'wk', 'wv', 'wo']) }); // as the inputs are coloured
    placeComputed(host, end, { ...tokens, name: 'output = concat·Wo', key: 'output', values: answer.output,
      colLabels: dims(answer.output[0].length), step: 'output' });
  };

  return startWidget(element, {
    label: 'Multi-head attention widget',
    check: (state, chapter, options) => checkAttention(state, chapter) && options.heads.includes(state.heads)
      && ['x', 'wq', 'wk', 'wv', 'wo'].every((f) => Array.isArray(state[f]) && state[f].length === chapter[f].length
        && state[f].every((row) => Array.isArray(row) && row.length === chapter[f][0].length)),
    build,
    compute: runAttention,
    show,
  });
}
