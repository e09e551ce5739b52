// multi-head: split the width of Q, K and V into h blocks of columns, one block a head; each head
// has its own weights, the head outputs are put side by side (concat) and W_O mixes them. The head
// counts offered are the divisors of the width (data-options), so no choice leaves a column over.
// A link may bring other sizes (a trained layer from the lab): any within the widgets' limits, its head
// choices and parameter counts then worked out for its own matrices by the same rule.
// With "kv_heads" g (W_K and W_V g·d_k and g·d_v wide) query head i reads key/value head ⌊i·g/h⌋ (the answer's
// kv_group); with "window" the weights outside it are 0; with "rope" each head's rotated q and k rows are drawn.
// State: {"preset": … | null, "tokens": [T words], "x": T×d_model, "wq", "wk", "wv": d_model×width,
//         "wo": width×d_out, "heads": h, "causal": false, "scale": true, and when written "kv_heads", "window", "rope"}
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
  if (FIELDS.every((f) => sameSize(state[f], chapter[f])) && state.kv_heads === chapter.kv_heads) {
    return { heads: options.heads, parameters: options.parameters };
  }
  const heads = [];
  if (state.kv_heads !== undefined && state.kv_heads !== state.heads) {
    heads.push(state.heads); // W_K's width g·d_k fixes d_k, and so h
  } else {
    for (let h = 1; h <= Math.min(options.max_heads, state.wq[0].length); h++) {
      if (state.wq[0].length % h === 0 && state.wv[0].length % h === 0) heads.push(h);
    }
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
    const causal = host.controls.querySelector('.widget-switch input');
    causal.checked = s.causal;
    causal.disabled = Boolean(s.window); // a sliding window is a causal mask with a limit: it needs the mask on
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
      radio.addEventListener('change', () => host.change((s) => {
        s.heads = h;
        if (s.kv_heads !== undefined) s.kv_heads = h; // only offered when every head has its own K and V
      }));
      label.append(radio, ` ${h}`);
      fieldset.append(label);
    }
    return fieldset;
  };

  /** The weights' sizes never change here, so the count is fixed for the state the widget starts with. */
  const parameters = (host) => {
    const { heads: choices, parameters: p } = sizing(host.state, host.chapter, host.options);
    const list = choices.length > 1 ? `with ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]} heads alike` : `with its ${choices[0] === 1 ? 'one head' : `${choices[0]} heads`}`;
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
      const g = answer.heads[h].kv_group; // K and V come from the head's key/value group: h itself unless heads share
      const shared = g !== h || answer.k[0].length !== answer.q[0].length;
      for (const [key, name, m] of [['q', 'Q', answer.q], ['k', 'K', answer.k], ['v', 'V', answer.v]]) {
        const width = key === 'v' ? answer.dv : answer.dk; // each head's block of columns, as the API reports it
        const first = (key === 'q' ? h : g) * width;
        const of = key !== 'q' && shared ? `head ${h + 1}, K/V ${g + 1}` : `head ${h + 1}`;
        shown.push(`${key}-h${h + 1}`);
        placeComputed(host, blocks, { ...tokens, name: `${name} (${of})`, key: `${key}-h${h + 1}`, values: block(m, first, width),
          colLabels: dims(m[0].length).slice(first, first + width), step: key, at: (r, c) => [r, first + c] });
      }
    }
    keepOnly(blocks, shown);
    const order = [...blocks.children].map((child) => child.dataset.matrix);
    if (order.join() !== shown.join()) blocks.replaceChildren(...shown.map((key) => blocks.querySelector(`[data-matrix="${key}"]`)));

    rotated(host, answer, tokens);
    const weights = group(host.body, 'weights', `Each head’s weights, side by side${s.window
      ? ` (a window of ${s.window}: a token weighs only itself and the ${s.window - 1} before it; the rest are 0)` : ''}`);
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

  /** With rope, each head's q and k rows as the scores used them: turned by their positions. */
  const rotated = (host, answer, tokens) => {
    const keys = [];
    if (host.state.rope) {
      const turned = group(host.body, 'rotated', 'Rotary positions: each head’s q and k rows turned by their position');
      answer.heads.forEach((head, h) => {
        for (const [key, name, values] of [['q_rotated', 'Q', head.q_rotated], ['k_rotated', 'K', head.k_rotated]]) {
          keys.push(`${key[0]}-rotated-h${h + 1}`);
          placeComputed(host, turned, { ...tokens, name: `${name} rotated (head ${h + 1})`, key: keys[keys.length - 1], values,
            colLabels: dims(values[0].length), step: key, head: h });
        }
      });
      keepOnly(turned, keys);
      const blocks = host.body.querySelector(':scope > [data-group="blocks"]');
      blocks.after(turned.closest('[data-group]'));
    } else {
      host.body.querySelector(':scope > [data-group="rotated"]')?.remove();
    }
  };

  return startWidget(element, {
    label: 'Multi-head attention widget',
    // checkAttention keeps every size within the widgets' limits and the matrices fitting together
    check: (state, chapter, options) => checkAttention(state, chapter) && Array.isArray(state.wo)
      && (state.window === undefined || state.window === 0 || state.causal)
      && sizing(state, chapter, options).heads.includes(state.heads),
    build,
    compute: runAttention,
    show,
  });
}
