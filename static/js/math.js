// Typesets the TeX that the server left in <span class="math"> and <div class="math display">.
// katex.render sets styles through the CSSOM, which the strict Content-Security-Policy allows.
import katex from '../vendor/katex/katex.mjs';

export function typesetMath(root) {
  for (const el of root.querySelectorAll('.math:not([data-typeset])')) {
    const tex = el.textContent;
    try {
      const display = el.classList.contains('display');
      render(el, tex, display);
      if (display) el.dataset.tex = tex;
      else holdLastBox(el);
      el.dataset.typeset = 'true';
    } catch (err) {
      // Leave the TeX readable and say what is wrong, rather than showing nothing.
      el.textContent = tex;
      el.classList.add('math-error');
      el.title = err.message;
      console.warn('math could not be typeset:', tex, err.message);
    }
  }
}

/**
 * A display equation too wide for its box, typeset so that it may break: KaTeX breaks text-style
 * math after a relation (=, ∈) or an operator (+, ·) at its top level, as it does in a paragraph;
 * display style keeps its fractions and sums full size.
 */
export function breakEquation(el) {
  if (!el.dataset.tex || el.dataset.broken) return;
  render(el, '\\displaystyle ' + el.dataset.tex, false);
  el.dataset.broken = 'true';
}

/** The equation on one line again, so it can be measured afresh (after the window changes width). */
export function unbreakEquation(el) {
  if (!el.dataset.broken) return;
  render(el, el.dataset.tex, true);
  delete el.dataset.broken;
}

/**
 * Keeps the punctuation after inline math on the math's line. KaTeX's line breaks fall after its
 * top-level boxes, and Chromium lets the box's parent, not the .math-run around it, decide whether
 * a line may break after a box; so the last box gets a nowrap parent of its own (.math-tail).
 */
function holdLastBox(el) {
  if (!el.parentElement?.classList.contains('math-run') || !el.nextSibling) return;
  const last = el.querySelector('.katex-html')?.lastElementChild;
  if (!last) return;
  const tail = document.createElement('span');
  tail.className = 'math-tail';
  last.before(tail);
  tail.append(last);
}

function render(el, tex, displayMode) {
  katex.render(tex, el, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
}
