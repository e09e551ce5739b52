// "Where did this number come from?": a modal dialog with the core's explanation of one cell,
// fetched from POST /api/attention/explain (or a widget's own explaining endpoint). Focus moves into
// the dialog; Escape or the close button closes it and returns focus to the cell that opened it. The
// dialog sits at the bottom of the window and the page scrolls the cell's matrices into the space
// above it, so the numbers it talks about stay in sight.
import { postJson } from './api.js';
import { el, tableHead, tableRow } from './dom.js';
import { formatNumber } from './matrix.js';

/** Products and exp terms are shown to 4 decimals; the cell's value as its matrix shows it. */
const DIGITS = 4;
/** Space kept between the explained matrices and the dialog (and the page's sticky header). */
const GAP_PX = 8;
let dialog = null;
let returnTo = null;
let opened = 0;


function ensureDialog() {
  if (dialog) return dialog;
  dialog = el('dialog', 'explain-dialog');
  dialog.setAttribute('aria-labelledby', 'explain-title');
  const title = el('h2', 'explain-title');
  title.id = 'explain-title';
  const close = el('button', 'explain-close', 'Close');
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  const body = el('div', 'explain-body');
  body.setAttribute('aria-live', 'polite');
  dialog.append(title, body, close);
  dialog.addEventListener('close', () => {
    returnTo?.focus();
    returnTo = null;
  });
  // a click on the backdrop (outside the dialog's box) closes it too
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  return dialog;
}

/**
 * Opens the explanation of one cell.
 * @param title     what the cell is, e.g. "Q, row 2 (journey), column 3"
 * @param path      the explaining endpoint, e.g. /api/attention/explain
 * @param request   its body: for attention, the attention body plus step, head, row and col (0-based)
 * @param from      the cell: focus returns to it, and it stays in sight
 * @param digits    the decimals the cell's matrix shows, so that the value reads as it does there
 */
export async function explainCell(title, path, request, from, digits) {
  const d = ensureDialog();
  const ticket = ++opened;
  returnTo = from;
  d.querySelector('.explain-title').textContent = title;
  const body = d.querySelector('.explain-body');
  body.replaceChildren(el('p', 'explain-loading', 'Computing…'));
  if (!d.open) d.showModal();
  d.querySelector('.explain-close').focus();
  try {
    const explanation = await postJson(path, request);
    if (ticket !== opened) return;
    body.replaceChildren(...render(explanation, digits));
    keepInSight(from, d);
  } catch (err) {
    if (ticket === opened) body.replaceChildren(el('p', 'widget-problem', err.message));
  }
}

/**
 * Scrolls the page so that the cell's row of matrices (or, when that is too tall, the cell) lies
 * between the sticky header and the dialog docked at the bottom of the window.
 */
function keepInSight(cell, d) {
  if (!cell?.isConnected) return;
  d.classList.remove('is-top');
  if (!scrollIntoGap(cell, d)) {
    // the page cannot scroll far enough (the cell is near its end): the dialog moves to the top instead
    d.classList.add('is-top');
    scrollIntoGap(cell, d);
  }
}

/** Scrolls the cell's matrices between the header and the dialog; true when the cell ends up clear of the dialog. */
function scrollIntoGap(cell, d) {
  const header = document.querySelector('.site-header');
  const fixed = header && getComputedStyle(header).position !== 'static' ? header.getBoundingClientRect().bottom : 0;
  const box = d.getBoundingClientRect();
  const atTop = d.classList.contains('is-top');
  const top = Math.max(fixed, atTop ? box.bottom : 0) + GAP_PX;
  const bottom = (atTop ? window.innerHeight : box.top) - GAP_PX;
  const group = (cell.closest('.matrix-row') ?? cell.closest('.matrix') ?? cell).getBoundingClientRect();
  const target = group.height <= bottom - top ? group : cell.getBoundingClientRect();
  let shift = 0;
  if (target.top < top) shift = target.top - top;
  else if (target.bottom > bottom) shift = Math.min(target.bottom - bottom, target.top - top);
  if (shift !== 0) window.scrollBy({ top: shift, behavior: 'instant' });
  const now = cell.getBoundingClientRect();
  const dialog = d.getBoundingClientRect();
  return now.bottom <= dialog.top || now.top >= dialog.bottom;
}

function render(x, digits) {
  const parts = [];
  const value = el('p', 'explain-value');
  value.dataset.value = x.value === null ? 'masked' : String(x.value);
  value.append(el('span', 'explain-label', 'Value: '),
    el('span', 'explain-number', x.value === null ? '−∞ (masked)' : formatNumber(x.value, digits)));
  parts.push(value);
  const formula = el('p', 'explain-formula');
  formula.append(el('span', 'explain-label', 'Formula: '), el('code', null, x.formula));
  parts.push(formula);
  if (x.terms.length > 0) parts.push(termsTable(x));
  const arithmetic = el('p', 'explain-arithmetic');
  arithmetic.append(el('span', 'explain-label', 'Arithmetic: '), el('code', null, x.arithmetic));
  parts.push(arithmetic);
  parts.push(el('p', 'explain-note', x.note));
  return parts;
}

function termsTable(x) {
  const exp = x.step === 'weights';
  const wrap = el('div', 'widget-scroll');
  const table = el('table', 'explain-terms');
  table.append(el('caption', null, exp ? 'The exp terms of the row' : 'The products, added in order'));
  const thead = tableHead(exp ? ['term', 'exponent', 'exp'] : ['product', 'left', 'right', 'value']);
  const tbody = el('tbody');
  for (const term of x.terms) {
    const numbers = exp ? [term.left, term.value] : [term.left, term.right, term.value];
    const tr = tableRow(term.label, numbers.map((n) => el('td', null, formatNumber(n, DIGITS))));
    tr.dataset.value = String(term.value);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  wrap.append(table);
  return wrap;
}
