// What an exercise shows from the API: paragraphs with math between $ signs, matrices in the book's
// table look (matrix.js, the markup of the server's MatrixTable), and the steps of hints and solutions.
import { el } from '../dom.js';
import { renderMatrix } from '../matrix.js';
import { typesetMath } from '../math.js';

/**
 * A paragraph from the API: plain text with the math between $ signs, as in the chapters. The math
 * goes into <span class="math"> as text and KaTeX typesets it (no innerHTML: the CSP blocks its styles).
 */
export function richText(tag, className, text) {
  const node = el(tag, className);
  const pieces = String(text).split('$');
  pieces.forEach((piece, i) => {
    const math = i % 2 === 1 && i < pieces.length - 1;
    if (math) node.append(el('span', 'math', piece));
    else if (piece) node.append(i % 2 === 1 ? `$${piece}` : piece);
  });
  typesetMath(node);
  return node;
}

/** A matrix the API sent ({ name, values, rowLabels, colLabels, digits }; null is a masked −∞), on a signed scale. */
export function matrixTable(view) {
  return renderMatrix({ ...view, key: view.name, scale: 'signed' });
}

/** A hint or a solution step: its sentence, its worked lines, and its table when it has one. */
export function stepNode(step, tag) {
  const item = el(tag, 'exercise-step');
  item.append(richText('p', null, step.text));
  if (step.lines.length > 0) item.append(el('pre', 'worked-lines', step.lines.join('\n')));
  if (step.table) {
    const row = el('div', 'matrix-row');
    row.append(matrixTable(step.table));
    item.append(row);
  }
  return item;
}
