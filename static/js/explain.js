// "Where did this number come from?": a modal dialog with the core's explanation of one cell,
// fetched from POST /api/attention/explain. Focus moves into the dialog; Escape or the close button
// closes it and returns focus to the cell that opened it.
import { postJson } from './api.js';
import { el, tableHead, tableRow } from './dom.js';
import { formatNumber } from './matrix.js';

const DIGITS = 4;
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
 * @param request   the attention body plus step, head, row and col (0-based)
 * @param from      the element to return focus to
 */
export async function explainCell(title, request, from) {
  const d = ensureDialog();
  const ticket = ++opened;
  returnTo = from;
  d.querySelector('.explain-title').textContent = title;
  const body = d.querySelector('.explain-body');
  body.replaceChildren(el('p', 'explain-loading', 'Computing…'));
  if (!d.open) d.showModal();
  d.querySelector('.explain-close').focus();
  try {
    const explanation = await postJson('/api/attention/explain', request);
    if (ticket === opened) body.replaceChildren(...render(explanation));
  } catch (err) {
    if (ticket === opened) body.replaceChildren(el('p', 'widget-problem', err.message));
  }
}

function render(x) {
  const parts = [];
  const value = el('p', 'explain-value');
  value.dataset.value = x.value === null ? 'masked' : String(x.value);
  value.append(el('span', 'explain-label', 'Value: '),
    x.value === null ? '−∞ (masked)' : formatNumber(x.value, DIGITS));
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
