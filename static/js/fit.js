// Wide blocks in a chapter, fitted to the screen before anything is left to scroll: a display
// equation, a code block or a table wider than the reading column first takes the room beside the
// column on a wide screen (.is-wide in book.css), and an equation still too wide breaks after a
// relation or an operator. Whatever is still wider than its box scrolls, with its cue (scroll.js).
import { breakEquation, unbreakEquation } from './math.js';
import { overflows, updateScrollers } from './scroll.js';

const WIDE = '.chapter-body > .math.display, .chapter-body > pre, .chapter-body > .table-scroll';

export function fitPage(doc) {
  const blocks = [...doc.querySelectorAll(WIDE)];
  const equations = [...doc.querySelectorAll('.math.display[data-tex]')];
  blocks.forEach((el) => el.classList.remove('is-wide'));
  equations.forEach(unbreakEquation);
  // Read every width, then write: a layout for each step, not for each block.
  blocks.filter(overflows).forEach((el) => el.classList.add('is-wide'));
  equations.filter(overflows).forEach(breakEquation);
  updateScrollers(doc);
}

/** Fits the page now, when KaTeX's fonts have loaded, and again whenever the window changes width. */
export function keepPageFitted(doc) {
  const fit = () => fitPage(doc);
  fit();
  doc.fonts?.ready.then(fit);
  window.addEventListener('load', fit);
  // An answer opened in a <details> shows equations and tables that had no width while it was closed.
  doc.addEventListener('toggle', (event) => { if (event.target.open) fit(); }, true);
  let width = window.innerWidth;
  let pending = 0;
  window.addEventListener('resize', () => {
    // A phone's address bar changes the height as the page scrolls; only a new width changes the fit.
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(fit);
  });
  return fit;
}
