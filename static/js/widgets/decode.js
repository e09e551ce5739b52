// decode: generation one token at a time with a KV cache. Each step shows the new token's q row, the
// cached K and V (earlier rows reused, the newest appended; with a window w, rows older than the last w
// shown struck through and labelled "evicted": the rolling buffer dropped them), each head's one new row of scores and
// weights, the output row, and the cache's bytes for a chosen model and number type. "Use the KV
// cache" off recomputes the whole causal layer and shows the same output row beside it.
// Numbers from POST /api/decode. Every cell explains itself through POST /api/attention/explain on the
// causal layer over tokens 1 … t: with the mask, its row t is what the step computed with the cache.
// State: {"preset", "tokens", "x", "wq", "wk", "wv", "wo", "heads", "kv_heads", "window", "rope", "scale", "step": 1 … T, "cache",
//         "model": "this-layer" | "gpt2-small" | "llama2-7b", "dtype": "float32" | "float16" | "int8"}
import { startWidget } from '../widget.js';
import { el, selectBox } from '../dom.js';
import { postJson } from '../api.js';
import { attentionBody, checkAttention, checkbox, dims, isCount, keepOnly, placeComputed } from '../attention.js';

const MODELS = { 'this-layer': 'this layer', 'gpt2-small': 'GPT-2 small', 'llama2-7b': 'LLaMA-2-7B' };
const DTYPES = { float32: 'float32 (4 bytes)', float16: 'float16 (2 bytes)', int8: 'int8 (1 byte)' };
const count = (n) => n.toLocaleString('en-US');

const chooser = (host, field, text, choices) => selectBox(text, field, choices, (value) => host.change((s) => { s[field] = value; }));

export function mount(element) {
  const build = (host) => {
    const s = host.state;
    if (!host.controls.hasChildNodes()) {
      const previous = el('button', 'widget-button', 'Previous token');
      const next = el('button', 'widget-button', 'Next token');
      previous.type = next.type = 'button';
      previous.dataset.action = 'previous';
      next.dataset.action = 'next';
      previous.addEventListener('click', () => host.change((st) => { st.step = Math.max(1, st.step - 1); }, { rebuild: true }));
      next.addEventListener('click', () => host.change((st) => { st.step = Math.min(st.x.length, st.step + 1); }, { rebuild: true }));
      const cache = checkbox(host, 'cache', 'Use the KV cache');
      cache.dataset.field = 'cache';
      host.controls.append(previous, next, cache, chooser(host, 'model', 'bytes for', MODELS), chooser(host, 'dtype', 'as', DTYPES));
      host.body.append(el('p', 'decode-step'), el('div', 'matrix-row decode-matrices'), el('p', 'decode-compare'),
        el('p', 'decode-madds'), el('p', 'decode-bytes'));
      for (const p of host.body.querySelectorAll('p')) p.setAttribute('aria-live', 'polite');
    }
    host.controls.querySelector('[data-action="previous"]').disabled = s.step === 1;
    host.controls.querySelector('[data-action="next"]').disabled = s.step === s.x.length;
    host.controls.querySelector('[data-field="cache"] input').checked = s.cache;
    host.controls.querySelector('select[data-field="model"]').value = s.model;
    host.controls.querySelector('select[data-field="dtype"]').value = s.dtype;
  };

  const show = (host, view) => {
    const t = view.step;
    const word = view.tokens[t - 1];
    const seen = view.tokens.slice(0, t);
    const from = view.cached_from;                   // the oldest row the rolling buffer still holds (1-based)
    const rows = (a, b) => (a === b ? `Row ${a} of K and V is` : `Rows ${a}–${b} of K and V are`);
    const evicted = from === 1 ? '' : ` ${from === 2 ? 'Row 1 has' : `Rows 1–${from - 1} have`} left the cache (evicted): `
      + `outside the window of ${host.state.window}, no later token reads ${from === 2 ? 'it' : 'them'}.`;
    host.body.querySelector('.decode-step').textContent = `Step ${t}: “${word}” is decoded. ${t === 1 ? 'The cache was empty' : from === t ? 'No cached row is inside the window'
      : `${rows(from, t - 1)} read from the cache as ${from === t - 1 ? 'it was' : 'they were'}`}; row ${t} is computed now and appended.${evicted}`;
    const cachedLabels = seen.map((label, r) => (r + 1 < from ? `${label} (evicted)` : label));
    const row = host.body.querySelector('.decode-matrices');
    const body = { ...attentionBody({ ...host.state, x: host.state.x.slice(0, t) }), causal: true };
    const explained = (step, head = 0, rowOf = () => t - 1) => (r, c) =>
      ['/api/attention/explain', { ...body, step, head, row: rowOf(r), col: c }];
    const outputStep = host.state.wo ? 'output' : 'concat';
    const one = (name, key, values, colLabels, ask, scale = 'signed') => placeComputed(host, row,
      { name, key, values: [values], rowLabels: [word], colLabels, scale, ask }).dataset.matrix;
    const keys = [one('q (new token, not cached)', 'q', view.q, dims(view.q.length), explained('q'))];
    // with rope the cache holds each key rotated by its position: column c is column c mod d_k of key/value
    // head ⌊c/d_k⌋, explained as k_rotated of the first query head that reads it
    const dk = host.state.wq[0].length / host.state.heads;
    const rotatedKey = (r, c) => ['/api/attention/explain', { ...body, step: 'k_rotated',
      head: Math.floor(c / dk) * host.state.heads / host.state.kv_heads, row: r, col: c % dk }];
    for (const [name, key, values, step] of [['K cache', 'keys', view.keys, 'k'], ['V cache', 'values', view.values, 'v']]) {
      const m = placeComputed(host, row, { name: step === 'k' && host.state.rope ? 'K cache (rotated by position)' : name, key, values,
        rowLabels: cachedLabels, colLabels: dims(values[0].length), ask: step === 'k' && host.state.rope ? rotatedKey : explained(step, 0, (r) => r) });
      [...m.querySelectorAll('tbody tr')].forEach((tr, r) => {
        tr.classList.toggle('is-new', r === t - 1);
        tr.classList.toggle('is-reused', r < t - 1 && r + 1 >= from);
        tr.classList.toggle('is-evicted', r + 1 < from);
      });
      keys.push(key);
    }
    view.scores.forEach((scores, h) => {
      const of = view.scores.length === 1 ? '' : ` (head ${h + 1})`;
      // with a window the row holds hidden cells (null, −∞): the masked step explains both kinds
      keys.push(one(`new scores q·kᵀ/√d_k${of}`, `scores-h${h + 1}`, scores, seen, explained(host.state.window ? 'masked' : 'scaled', h)));
      keys.push(one(`weights${of}`, `weights-h${h + 1}`, view.weights[h], seen, explained('weights', h), 'weights'));
    });
    keys.push(one('output (with the cache)', 'output', view.output, dims(view.output.length), explained(outputStep)));
    if (!view.cache) {
      keys.push(placeComputed(host, row, { name: 'output recomputed without the cache', key: 'recomputed-all',
        values: view.recomputed_all, rowLabels: seen, colLabels: dims(view.output.length),
        ask: explained(outputStep, 0, (r) => r) }).dataset.matrix);
    }
    keepOnly(row, keys);
    const compare = host.body.querySelector('.decode-compare');
    compare.textContent = view.cache ? 'Turn the cache off to recompute every row and compare.'
      : `Recomputed without the cache, row ${t} is the same output: the largest difference is ${view.largest_difference}.`;
    host.body.querySelector('.decode-madds').textContent = `Multiply-adds at this step: ${count(view.madds_cached)} with the cache, `
      + `${count(view.madds_recomputed)} recomputing; so far ${count(view.madds_cached_total)} against `
      + `${count(view.madds_recomputed_total)}, ${count(view.madds_saved)} saved.`;
    const b = view.bytes;
    const kept = b.tokens === t ? '' : ` (a window of ${host.state.window} keeps only the last ${b.tokens} rows: no later token reads further back)`;
    host.body.querySelector('.decode-bytes').textContent = `KV cache after ${t} ${t === 1 ? 'token' : 'tokens'}${kept} for ${b.model} in `
      + `${b.dtype}: ${count(b.per_head)} bytes a head in a layer, ${count(b.per_layer)} a layer (${b.kv_heads === b.heads
        ? `${b.heads} heads` : `${b.kv_heads} key/value ${b.kv_heads === 1 ? 'head' : 'heads'} shared by ${b.heads} query heads`} of width `
      + `${b.head_dim}), ${count(b.total)} in all (${b.layers} ${b.layers === 1 ? 'layer' : 'layers'}).`;
  };

  return startWidget(element, {
    label: 'KV cache decoding widget',
    check: (state, chapter) => checkAttention(state, chapter) && isCount(state.step, state.x.length)
      && typeof state.cache === 'boolean' && state.model in MODELS && state.dtype in DTYPES && Number.isInteger(state.heads)
      && Number.isInteger(state.kv_heads) && state.kv_heads >= 1 && state.heads % state.kv_heads === 0
      && Number.isInteger(state.window) && state.window >= 0 && typeof state.rope === 'boolean',
    build,
    compute: (state) => postJson('/api/decode', state),
    show,
  });
}
