// The book's matrix, drawn live: exactly the markup of MatrixTable.java (a caption with the name and
// shape, token labels on rows, column labels, a heat class and the number in each cell, a legend,
// masked cells as −∞), plus what a live page needs: number inputs for editable cells, and computed
// cells that open their explanation on a click or Enter. Every number arrives computed; this module
// only formats it.

import { el } from './dom.js';
import { formatNumber, heatClass, largestMagnitude } from './matrix/numbers.js';
import { makeNavigable, resetRovingStop } from './matrix/navigate.js';

export { formatNumber, subscript, heatClass, largestMagnitude } from './matrix/numbers.js';

/**
 * A matrix as a <div class="matrix"> holding its table and legend.
 * spec: { name, key, values (rows of numbers; null is a masked −∞), rowLabels, colLabels,
 *         scale: 'signed' | 'weights', digits,
 *         range: the magnitude a signed scale spans when several matrices share one scale (never less
 *                than the matrix's own largest magnitude); left out, the matrix's own,
 *         edit: { label(row, col) → aria-label, change(row, col, value | null) } to make every cell an input;
 *               with parse(text) → number, −Infinity or null, the input is text (a null value then shows −∞),
 *         explain(row, col, cell): called on a click or Enter on a computed cell,
 *         select(row, col, cell): called when a computed cell gets focus or a click }
 */
export function renderMatrix(spec) {
  const root = el('div', 'matrix');
  root.dataset.matrix = spec.key;
  const table = el('table', `matrix-table scale-${spec.scale}`);
  const caption = el('caption');
  caption.append(el('span', 'matrix-name', spec.name), ' ', el('span', 'matrix-shape'));
  table.append(caption);
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('td', 'corner'));
  head.append(headRow);
  table.append(head, el('tbody'));
  root.append(table, el('p'));
  root.matrixSpec = spec;
  fill(root, spec.values, spec.rowLabels, spec.colLabels);
  if (spec.explain || spec.select) makeNavigable(root);
  return root;
}

/**
 * Puts new numbers (and labels) into a rendered matrix. A matrix of the same size is updated in
 * place, so a focused cell keeps its focus; a new size rebuilds the rows.
 */
export function updateMatrix(root, values, rowLabels = root.matrixSpec.rowLabels, colLabels = root.matrixSpec.colLabels) {
  root.matrixSpec = { ...root.matrixSpec, values, rowLabels, colLabels };
  fill(root, values, rowLabels, colLabels);
}

/** Recolours a matrix (and its legend) on a new shared range, its numbers and inputs untouched. */
export function recolour(root, range) {
  root.matrixSpec.range = range;
  fill(root, root.matrixSpec.values, root.matrixSpec.rowLabels, root.matrixSpec.colLabels);
}

/**
 * Shows spec in container: updates the matrix already there when it has the same key (and is as
 * clickable as before), else renders it anew. Editable matrices are always drawn anew.
 */
export function placeMatrix(container, spec) {
  const existing = [...container.children].find((child) => child.dataset.matrix === spec.key);
  const navigable = Boolean(spec.explain || spec.select);
  if (existing && !spec.edit && existing.classList.contains('matrix-live') === navigable) {
    existing.matrixSpec = { ...existing.matrixSpec, name: spec.name, explain: spec.explain, select: spec.select, range: spec.range };
    existing.querySelector('.matrix-name').textContent = spec.name;
    updateMatrix(existing, spec.values, spec.rowLabels, spec.colLabels);
    return existing;
  }
  const fresh = renderMatrix(spec);
  if (existing) existing.replaceWith(fresh); else container.append(fresh);
  return fresh;
}

function fill(root, values, rowLabels, colLabels) {
  const spec = root.matrixSpec;
  const rows = values.length;
  const cols = rows === 0 ? 0 : values[0].length;
  const maxAbs = Math.max(largestMagnitude(values), spec.range ?? 0);
  root.querySelector('.matrix-shape').textContent = `${rows}×${cols}`;

  const headRow = root.querySelector('thead tr');
  while (headRow.children.length > cols + 1) headRow.lastChild.remove();
  while (headRow.children.length < cols + 1) {
    const th = el('th');
    th.scope = 'col';
    headRow.append(th);
  }
  colLabels.forEach((label, c) => setText(headRow.children[c + 1], label));

  const body = root.querySelector('tbody');
  const sameSize = body.children.length === rows && (rows === 0 || body.children[0].children.length === cols + 1);
  if (!sameSize) body.replaceChildren(...values.map(() => newRow(cols)));
  for (let r = 0; r < rows; r++) {
    const tr = body.children[r];
    setText(tr.children[0], rowLabels[r]);
    for (let c = 0; c < cols; c++) {
      const td = tr.children[c + 1];
      if (td.dataset.row === undefined) {
        td.dataset.row = String(r);
        td.dataset.col = String(c);
      }
      if (spec.edit) showInput(td, values[r][c], spec, maxAbs, r, c);
      else showValue(td, values[r][c], spec, maxAbs);
    }
  }
  root.querySelector('p').replaceWith(legend(spec.scale, maxAbs, spec.digits));
  if (spec.explain || spec.select) resetRovingStop(root);
}

function newRow(cols) {
  const tr = el('tr');
  const th = el('th');
  th.scope = 'row';
  tr.append(th);
  for (let c = 0; c < cols; c++) tr.append(el('td'));
  return tr;
}

function showValue(td, x, spec, maxAbs) {
  const keep = td.classList.contains('is-selected') ? ' is-selected' : '';
  if (x == null) {
    if (!td.classList.contains('masked')) {
      td.replaceChildren(ariaHidden('−∞'), el('span', 'visually-hidden', 'minus infinity (masked)'));
    }
    td.className = 'masked' + keep;
    return;
  }
  setClass(td, heatClass(x, spec.scale, maxAbs) + keep);
  setText(td, formatNumber(x, spec.digits));
}

// A 64-wide layer has some 17,000 cells: writing only what changed keeps an edit from re-laying out
// every table (a text or class written again, even the same, is new work for the browser).
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setClass(node, name) {
  if (node.className !== name) node.className = name;
}

function ariaHidden(text) {
  const span = el('span', null, text);
  span.setAttribute('aria-hidden', 'true');
  return span;
}

function showInput(td, x, spec, maxAbs, r, c) {
  let input = td.querySelector('input');
  if (!input) {
    input = el('input');
    input.type = 'number';
    input.step = 'any';
    input.inputMode = 'decimal';
    if (spec.edit.parse) {
      input.type = 'text'; // "−∞" is no number an <input type="number"> can hold
      input.inputMode = 'text'; // a phone's decimal pad has no ∞
      input.autocomplete = 'off';
      input.spellcheck = false;
    }
    input.addEventListener('input', () => {
      const root = td.closest('.matrix');
      const value = readInput(input, root.matrixSpec.edit);
      const ok = value !== null;
      input.setAttribute('aria-invalid', String(!ok));
      const [row, col] = [Number(td.dataset.row), Number(td.dataset.col)];
      if (ok) {
        // the colour and the legend follow the edit at once, before any answer comes back (−∞ is shown masked, as null)
        const shown = value === -Infinity ? null : value;
        root.matrixSpec.values = root.matrixSpec.values.map((line, r) => (r === row ? line.map((x, c) => (c === col ? shown : x)) : line));
        fill(root, root.matrixSpec.values, root.matrixSpec.rowLabels, root.matrixSpec.colLabels);
      }
      root.matrixSpec.edit.change(row, col, value);
    });
    td.replaceChildren(input);
  }
  const label = spec.edit.label(r, c);
  if (input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label);
  // Never rewrite what the reader is typing: "0." is a number on its way.
  const number = x === null ? -Infinity : x;
  if (document.activeElement !== input && readInput(input, spec.edit) !== number) input.value = x === null ? '−∞' : String(x);
  setClass(td, x === null ? 'masked' : heatClass(x, spec.scale, maxAbs));
}

/** The number an input holds: finite, −Infinity where edit.parse allows it, or null while it holds none. */
function readInput(input, edit) {
  if (edit.parse) return edit.parse(input.value);
  const value = input.value.trim() === '' ? null : input.valueAsNumber;
  return value !== null && Number.isFinite(value) ? value : null;
}

function legend(scale, maxAbs, digits) {
  const p = el('p', `legend legend-${scale}`);
  const low = scale === 'weights' ? '0' : formatNumber(-maxAbs, digits);
  const high = scale === 'weights' ? '1' : formatNumber(maxAbs, digits);
  p.append(el('span', 'legend-low', low), ariaHiddenBar(), el('span', 'legend-high', high));
  return p;
}

function ariaHiddenBar() {
  const bar = el('span', 'legend-bar');
  bar.setAttribute('aria-hidden', 'true');
  return bar;
}
