// Shared by the widgets that run attention on editable inputs (qkv, scores, masking, weighted-sum,
// multi-head, pipeline): the request body, the check of a state from a link, editable matrices and
// explanations of computed cells.
import { postJson } from './api.js';
import { explainCell } from './explain.js';
import { largestMagnitude, placeMatrix, recolour } from './matrix.js';
import { el, switchBox } from './dom.js';

export const DIGITS = 2;
const MAX_TOKENS = 12;
const MAX_WIDTH = 64;    // d_model and the weights' sides: every lab run (d_model 8 to 64) opens in the widgets

/** "1", "2", … n: column labels. */
export function dims(n) {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

/** The body of POST /api/attention for a state. */
export function attentionBody(state) {
  const body = { x: state.x, wq: state.wq, wk: state.wk, wv: state.wv };
  if (state.wo) body.wo = state.wo;
  body.heads = state.heads ?? 1;
  body.causal = state.causal ?? false;
  body.scale = state.scale ?? true;
  if (state.kv_heads !== undefined) body.kv_heads = state.kv_heads;
  if (state.window) body.window = state.window;   // a widget's 0 is no window; the API takes no window as its absence
  if (state.rope !== undefined) body.rope = state.rope;
  return body;
}

export function runAttention(state) {
  return postJson('/api/attention', attentionBody(state));
}

function isMatrix(m, rows, cols, maxRows = MAX_WIDTH) {
  return Array.isArray(m) && m.length > 0 && m.length <= maxRows && (rows === undefined || m.length === rows)
    && m.every((row) => Array.isArray(row) && row.length > 0 && row.length <= MAX_WIDTH
      && row.length === (cols ?? m[0].length) && row.every((x) => typeof x === 'number' && Number.isFinite(x)));
}

/**
 * True when W_K is as wide as W_Q (one block a query head, as the kv-heads widget takes it) or g·d_k wide
 * (g = kv_heads key/value heads serving the state's query heads, as the layer and decode widgets take it).
 */
function keyWidthFits(state) {
  const width = state.wq[0].length;
  const keys = state.wk[0].length;
  return keys === width || (Number.isInteger(state.kv_heads) && Number.isInteger(state.heads) && state.heads > 0
    && keys === width / state.heads * state.kv_heads);
}

/**
 * True when a state from a link has the chapter state's fields with values of the right kinds and
 * sizes that fit together. The server checks the numbers again; this only keeps a mangled link from
 * drawing a broken widget.
 */
export function checkAttention(state, chapter) {
  // the modern options are kept only when written, so a link may carry one its chapter's block leaves out
  const keys = (s) => Object.keys(s).filter((k) => !MODERN.includes(k)).sort().join();
  if (keys(state) !== keys(chapter) || !modernFits(state)) return false;
  const t = state.x?.length;
  const d = state.x?.[0]?.length;
  if (!isMatrix(state.x, undefined, undefined, MAX_TOKENS) || !isMatrix(state.wq, d) || !isMatrix(state.wk, d)
    || !keyWidthFits(state) || !isMatrix(state.wv, d)) {
    return false;
  }
  if (!Array.isArray(state.tokens) || state.tokens.length !== t || !state.tokens.every((w) => typeof w === 'string')) return false;
  if (state.preset !== null && typeof state.preset !== 'string') return false;
  for (const flag of ['causal', 'scale', 'shared']) {
    if (flag in chapter && typeof state[flag] !== 'boolean') return false;
  }
  if ('wo' in chapter && state.wo !== null && !isMatrix(state.wo, state.wv[0].length)) return false;
  return true;
}

const MODERN = ['kv_heads', 'window', 'rope'];

/** kv_heads a divisor of heads, window a whole number from 0, rope true or false: each only when present. */
function modernFits(state) {
  const heads = state.heads ?? 1;
  return (state.kv_heads === undefined || (Number.isInteger(state.kv_heads) && state.kv_heads >= 1 && heads % state.kv_heads === 0))
    && (state.window === undefined || (Number.isInteger(state.window) && state.window >= 0))
    && (state.rope === undefined || typeof state.rope === 'boolean');
}

/** A whole number from 1 to max. */
export function isCount(value, max) {
  return Number.isInteger(value) && value >= 1 && value <= max;
}

/**
 * An editable matrix of the state (field "x", "wq", …) in container: a number input a cell, labelled
 * "X row 2 column 3". An edit updates the state (the preset no longer describes it) and recomputes;
 * host.afterEdit(state, field), when a widget sets it, ties other fields to the edited one.
 */
export function placeInput(host, container, { field, name, key = field, rowLabels, colLabels, scale = 'signed', range }) {
  const values = host.state[field];
  return placeMatrix(container, {
    name, key, values, scale, digits: DIGITS, range,
    rowLabels: rowLabels ?? dims(values.length),
    colLabels: colLabels ?? dims(values[0].length),
    edit: {
      label: (r, c) => `${name} row ${r + 1} column ${c + 1}`,
      change: (r, c, value) => {
        if (value === null) {
          host.say(`${name} row ${r + 1} column ${c + 1} needs a number.`, true);
          return;
        }
        host.change((s) => {
          s[field][r][c] = value;
          if ('preset' in s) s.preset = null;
          host.afterEdit?.(s, field);
        });
        host.recolourInputs?.();
      },
    },
  });
}

/**
 * The editable inputs (X and the weight matrices) in container, on one signed colour scale: the same
 * number gets the same colour in X, Wq, Wk, Wv and Wo, and an edit that changes the largest magnitude
 * recolours them all, legends included.
 */
export function placeInputs(host, container, fields) {
  const span = () => largestMagnitude(...fields.map((f) => host.state[f.field]));
  const placed = fields.map((f) => placeInput(host, container, { ...f, range: span() }));
  let coloured = span();
  host.recolourInputs = () => {
    const range = span();
    if (range === coloured) return;   // the edited matrix has recoloured itself; the others keep their colours
    coloured = range;
    for (const matrix of placed) recolour(matrix, range);
  };
  return placed;
}

/** The span of the inputs' colour scale, for a read-only copy of an input (Wo beside the output). */
export function inputRange(host, fields) {
  return largestMagnitude(...fields.map((field) => host.state[field]).filter(Boolean));
}

/**
 * A computed matrix in container whose cells explain themselves: step and head as the explain API
 * names them; at(row, col) maps a displayed cell to the step's own row and column when the display
 * differs (a transpose, one head's block of columns). ask(row, col), when given, names another
 * explaining endpoint and its body instead: [path, body]. range: the span of a shared colour scale.
 */
export function placeComputed(host, container, { name, key, values, rowLabels, colLabels, scale = 'signed', step, head = 0,
  at = (r, c) => [r, c], ask, select, range }) {
  const request = ask ?? ((r, c) => {
    const [row, col] = at(r, c);
    return ['/api/attention/explain', { ...attentionBody(host.state), step, head, row, col }];
  });
  return placeMatrix(container, {
    name, key, values, rowLabels, colLabels, scale, digits: DIGITS, select, range,
    explain: step || ask ? (r, c, cell) => {
      const title = `${name}: row ${r + 1} (${rowLabels[r]}), column ${c + 1} (${colLabels[c]})`;
      const [path, body] = request(r, c);
      explainCell(title, path, body, cell, DIGITS);
    } : undefined,
  });
}

/** A titled group of matrices side by side; returns its row for the matrices. */
export function group(parent, key, title) {
  let section = parent.querySelector(`:scope > [data-group="${key}"]`);
  if (!section) {
    section = el('div', 'widget-group');
    section.dataset.group = key;
    section.append(el('h3', 'widget-group-title'), el('div', 'matrix-row'));
    parent.append(section);
  }
  section.querySelector('h3').textContent = title;
  return section.querySelector('.matrix-row');
}

/** Columns from … from+width−1 of every row: one head's block, numbers as the core computed them. */
export function block(m, from, width) {
  return m.map((row) => row.slice(from, from + width));
}

/** Drops the matrices of a row that the latest numbers no longer have (fewer heads, say). */
export function keepOnly(row, keys) {
  for (const child of [...row.children]) {
    if (child.dataset.matrix && !keys.includes(child.dataset.matrix)) child.remove();
  }
}

/** A labelled checkbox bound to a boolean of the state. */
export function checkbox(host, field, text) {
  return switchBox(text, Boolean(host.state[field]), (checked) => host.change((s) => { s[field] = checked; }));
}

/** The inputs X and the projections, editable, inside a disclosure so they do not crowd the lesson. */
export function inputsGroup(host, parent, fields, open = false) {
  let details = parent.querySelector(':scope > details.widget-inputs');
  if (!details) {
    details = el('details', 'widget-inputs');
    details.open = open;
    details.append(el('summary'), el('div', 'matrix-row'));
    parent.append(details);
  }
  details.querySelector('summary').textContent = `Inputs you can edit: ${fields.map((f) => f.name).join(', ')}`;
  const row = details.querySelector('.matrix-row');
  row.replaceChildren();
  placeInputs(host, row, fields);
  return details;
}
