// Computed cells of a live matrix: one tab stop a matrix, arrow keys move between numbers, and
// Enter or a click asks for the number's explanation (the matrix spec's explain and select).
import { el } from '../dom.js';

const HINT_ID = 'matrix-explain-hint';

function hint() {
  if (!document.getElementById(HINT_ID)) {
    const text = el('p', 'visually-hidden', 'Press Enter to see how this number is computed. Arrow keys move between numbers.');
    text.id = HINT_ID;
    document.body.append(text);
  }
  return HINT_ID;
}

function cells(root) {
  return [...root.querySelectorAll('tbody td')];
}

export function resetRovingStop(root) {
  const all = cells(root);
  if (all.length === 0) return;
  const current = all.find((td) => td.tabIndex === 0 && td.hasAttribute('tabindex')) || all[0];
  for (const td of all) {
    td.tabIndex = td === current ? 0 : -1;
    td.setAttribute('aria-describedby', hint());
  }
}

export function makeNavigable(root) {
  root.classList.add('matrix-live');
  const cellOf = (target) => target.closest('td[data-row]');
  const position = (td) => [Number(td.dataset.row), Number(td.dataset.col)];
  const moveTo = (td) => {
    if (!td) return;
    for (const other of cells(root)) other.tabIndex = -1;
    td.tabIndex = 0;
    td.focus();
  };
  root.addEventListener('focusin', (event) => {
    const td = cellOf(event.target);
    if (!td) return;
    for (const other of cells(root)) other.tabIndex = other === td ? 0 : -1;
    root.matrixSpec.select?.(...position(td), td);
  });
  root.addEventListener('click', (event) => {
    const td = cellOf(event.target);
    if (!td) return;
    moveTo(td);
    root.matrixSpec.explain?.(...position(td), td);
  });
  root.addEventListener('keydown', (event) => {
    const td = cellOf(event.target);
    if (!td) return;
    const [r, c] = position(td);
    const body = root.querySelector('tbody');
    const at = (row, col) => body.children[row]?.children[col + 1];
    const lastCol = body.children[0].children.length - 2;
    const target = {
      ArrowLeft: () => at(r, c - 1),
      ArrowRight: () => at(r, c + 1),
      ArrowUp: () => at(r - 1, c),
      ArrowDown: () => at(r + 1, c),
      Home: () => at(r, 0),
      End: () => at(r, lastCol),
    }[event.key];
    if (target) {
      event.preventDefault();
      moveTo(target());
    } else if ((event.key === 'Enter' || event.key === ' ') && root.matrixSpec.explain) {
      event.preventDefault();
      root.matrixSpec.explain(r, c, td);
    }
  });
}
