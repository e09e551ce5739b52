// kv-heads: h query heads sharing g key/value heads (grouped-query attention; g = 1 is multi-query,
// g = h plain multi-head). The chapter gives a multi-head layer: W_K and W_V have one block of columns
// per query head, and with g key/value heads the layer keeps their first g blocks. Query head i reads
// the block the core names in its kv_group. The cache sizes for each g come with the page (data-options).
// With "window" the weights outside it are 0; with "rope" each key/value head's K rotated by position is drawn.
// State: {"preset": null, "tokens": [T words], "x": T×d_model, "wq", "wk", "wv": d_model×(h·d_k),
//         "heads": h, "kv_heads": g, "causal": true, and when written "window", "rope"}
import { startWidget } from '../widget.js';
import { el } from '../dom.js';
import { postJson } from '../api.js';
import { block, checkAttention, checkbox, dims, group, inputsGroup, keepOnly, placeComputed } from '../attention.js';
import { largestMagnitude, placeMatrix } from '../matrix.js';

const names = (prefix, n) => dims(n).map((i) => `${prefix} ${i}`);

/** The layer the widget runs: W_K and W_V cut to their first g blocks of d_k columns. */
function layerBody(state) {
  const width = (state.wq[0].length / state.heads) * state.kv_heads;
  return {
    x: state.x, wq: state.wq, wk: block(state.wk, 0, width), wv: block(state.wv, 0, width),
    heads: state.heads, kv_heads: state.kv_heads, causal: state.causal, scale: true,
    ...(state.window ? { window: state.window } : {}), ...(state.rope !== undefined ? { rope: state.rope } : {}),
  };
}

export function mount(element) {
  const build = (host) => {
    const s = host.state;
    if (!host.controls.hasChildNodes()) host.controls.append(groupPicker(host), checkbox(host, 'causal', 'Causal mask'));
    for (const radio of host.controls.querySelectorAll('input[type="radio"]')) radio.checked = Number(radio.value) === s.kv_heads;
    const causal = host.controls.querySelector('.widget-switch input');
    causal.checked = s.causal;
    causal.disabled = Boolean(s.window); // a sliding window is a causal mask with a limit: it needs the mask on
    inputsGroup(host, host.body, [
      { field: 'x', name: 'X', rowLabels: s.tokens }, { field: 'wq', name: 'Wq' }, { field: 'wk', name: 'Wk' }, { field: 'wv', name: 'Wv' },
    ]);
  };

  const kind = (g, h) => (g === 1 ? 'multi-query' : g === h ? 'multi-head' : 'grouped-query');

  const groupPicker = (host) => {
    const fieldset = el('fieldset', 'widget-choices');
    fieldset.append(el('legend', null, 'Key/value heads h_kv'));
    for (const g of host.options.kv_heads) {
      const label = el('label');
      const radio = el('input');
      Object.assign(radio, { type: 'radio', name: `${host.key}-kv-heads`, value: String(g) });
      radio.addEventListener('change', () => host.change((s) => { s.kv_heads = g; }));
      label.append(radio, ` ${g} (${kind(g, host.state.heads)})`);
      fieldset.append(label);
    }
    return fieldset;
  };

  /** Explanations ask the same layer the numbers came from, kv_heads included. */
  const asking = (host, step, head = 0, at = (r, c) => [r, c]) => (r, c) => {
    const [row, col] = at(r, c);
    return ['/api/attention/explain', { ...layerBody(host.state), step, head, row, col }];
  };

  const note = (parent, className, text) => {
    let p = parent.querySelector(`:scope > p.${className}`);
    if (!p) {
      p = el('p', `widget-note ${className}`);
      parent.append(p);
    }
    p.textContent = text ?? '';
    p.hidden = !text;
  };

  const show = (host, answer) => {
    const s = host.state;
    const g = s.kv_heads;
    const dk = answer.dk;
    const tokens = { rowLabels: s.tokens, range: largestMagnitude(answer.k, answer.v, answer.concat) };

    const map = group(host.body, 'mapping', `${answer.heads.length} query heads read ${g} key/value ${g === 1 ? 'head' : 'heads'} (${kind(g, s.heads)})`);
    const mapping = answer.heads.map((head) => dims(g).map((_, j) => (j === head.kv_group ? 1 : 0)));
    placeMatrix(map, { name: 'query head → key/value head', key: 'mapping', values: mapping, rowLabels: names('head', s.heads),
      colLabels: names('K/V', g), scale: 'weights', digits: 0 });

    const kv = group(host.body, 'kv', 'The key/value heads: one K block and one V block each, shared by their query heads');
    const kvKeys = [];
    for (let j = 0; j < g; j++) {
      for (const [key, name, m] of [['k', 'K', answer.k], ['v', 'V', answer.v]]) {
        kvKeys.push(`${key}-g${j + 1}`);
        placeComputed(host, kv, { ...tokens, name: `${name} (key/value head ${j + 1})`, key: `${key}-g${j + 1}`,
          values: block(m, j * dk, dk), colLabels: dims(dk), ask: asking(host, key, 0, (r, c) => [r, j * dk + c]) });
      }
      const reader = answer.heads.findIndex((head) => head.kv_group === j); // its first query head: all read the same rotated K
      if (s.rope && reader >= 0) {
        kvKeys.push(`k-rotated-g${j + 1}`);
        placeComputed(host, kv, { ...tokens, name: `K rotated (key/value head ${j + 1})`, key: `k-rotated-g${j + 1}`,
          values: answer.heads[reader].k_rotated, colLabels: dims(dk), ask: asking(host, 'k_rotated', reader) });
      }
    }
    keepOnly(kv, kvKeys);

    const weights = group(host.body, 'weights', `Each query head’s weights, from its own Q and its group’s K${s.window
      ? ` (a window of ${s.window}: a token weighs only itself and the ${s.window - 1} before it)` : ''}`);
    const weightKeys = [];
    answer.heads.forEach((head, h) => {
      weightKeys.push(`weights-h${h + 1}`);
      placeComputed(host, weights, { ...tokens, name: `weights A (head ${h + 1}, K/V ${head.kv_group + 1})`, key: `weights-h${h + 1}`,
        values: head.weights, colLabels: s.tokens, scale: 'weights', ask: asking(host, 'weights', h) });
    });
    keepOnly(weights, weightKeys);

    const end = group(host.body, 'output', 'The heads’ outputs side by side: still h·d_v columns');
    placeComputed(host, end, { ...tokens, name: 'concat(heads)', key: 'concat', values: answer.concat,
      colLabels: dims(answer.concat[0].length), ask: asking(host, 'concat') });

    const cache = host.options.cache[String(g)];
    note(host.body, 'kv-cache', cache.text);
    note(host.body, 'kv-cache-model', cache.model_text);
  };

  return startWidget(element, {
    label: 'Grouped-query attention widget',
    check: (state, chapter, options) => checkAttention(state, chapter) && state.heads === chapter.heads
      && (state.window === undefined || state.window === 0 || state.causal)
      && options.kv_heads.includes(state.kv_heads) && typeof state.causal === 'boolean'
      && ['x', 'wq', 'wk', 'wv'].every((f) => state[f].length === chapter[f].length
        && state[f].every((row) => row.length === chapter[f][0].length)),
    build,
    compute: (state) => postJson('/api/attention', layerBody(state)),
    show,
  });
}
