// multi-head: split the width of Q, K and V into h blocks of columns, one block a head; each head
// has its own weights, the head outputs are put side by side (concat) and W_O mixes them. The head
// counts offered are the divisors of the width (data-options), so no choice leaves a column over.
// A link may bring other sizes (a trained layer from the lab): any within the widgets' limits, its head
// choices and parameter counts then worked out for its own matrices by the same rule.
// State: {"preset": … | null, "tokens": [T words], "x": T×d_model, "wq", "wk", "wv": d_model×width,
//         "wo": width×d_out, "heads": h, "causal": false, "scale": true}
import { startWidget } from '../widget.js';
import { el } from '../dom.js';
import { block, checkAttention, checkbox, dims, group, inputRange, inputsGroup, keepOnly, placeComputed, runAttention } from '../attention.js';
import { largestMagnitude, placeMatrix } from '../matrix.js';

const sameSize = (a, b) => a.length === b.length && a[0].length === b[0].length;
const FIELDS = ['x', 'wq', 'wk', 'wv', 'wo'];

/**
 * The head counts and parameter counts for the state's own sizes: the server's (data-options) when they
 * are the chapter's, else by the server's rule (MultiHeadWidget.headChoices): every count up to
 * options.max_heads that divides both the query and the value width; a matrix's parameters are its entries.
 */
function sizing(state, chapter, options) {
  if (FIELDS.every((f) => sameSize(state[f], chapter[f]))) return { heads: options.heads, parameters: options.parameters };
  const heads = [];
  for (let h = 1; h <= Math.min(options.max_heads, state.wq[0].length); h++) {
    if (state.wq[0].length % h === 0 && state.wv[0].length % h === 0) heads.push(h);
  }
  const parameters = {};
  for (const f of ['wq', 'wk', 'wv', 'wo']) parameters[f] = state[f].length * state[f][0].length;
  parameters.total = parameters.wq + parameters.wk + parameters.wv + parameters.wo;
  return { heads, parameters };
}

export function mount(element) {
  const build = (host) => {
    const s = host.state;
    // the controls depend on the sizes, which only a Reset from a link's sizes to the chapter's changes
    const sizes = FIELDS.map((f) => `${s[f].length}x${s[f][0].length}`).join();
    if (host.controls.dataset.sizes !== sizes) {
      host.controls.dataset.sizes = sizes;
      host.controls.replaceChildren(headPicker(host), checkbox(host, 'causal', 'Causal mask'), parameters(host));
    }
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
    for (const h of sizing(host.state, host.chapter, host.options).heads) {
      const label = el('label');
      const radio = el('input');
      Object.assign(radio, { type: 'radio', name: `${host.key}-heads`, value: String(h) });
      radio.addEventListener('change', () => host.change((s) => { s.heads = h; }));
      label.append(radio, ` ${h}`);
      fieldset.append(label);
    }
    return fieldset;
  };

  /** The weights' sizes never change here, so the count is fixed for the state the widget starts with. */
  const parameters = (host) => {
    const { heads: choices, parameters: p } = sizing(host.state, host.chapter, host.options);
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
    // checkAttention keeps every size within the widgets' limits and the matrices fitting together
    check: (state, chapter, options) => checkAttention(state, chapter) && Array.isArray(state.wo)
      && sizing(state, chapter, options).heads.includes(state.heads),
    build,
    compute: runAttention,
    show,
  });
}
