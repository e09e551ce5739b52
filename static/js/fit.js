// Wide blocks in a chapter, fitted to the screen before anything is left to scroll: a display
// equation, a code block or a table wider than the reading column first takes the room beside the
// column on a wide screen (.is-wide in book.css), and an equation still too wide breaks after a
// relation or an operator. Whatever is still wider than its box scrolls, with its cue (scroll.js).
import { breakEquation, unbreakEquation } from './math.js';
import { overflows, updateScrollers, markScrollers, SCROLLERS } from './scroll.js';
import { measurableNow, whenRendered } from './rendered.js';

const WIDE = '.chapter-body > .math.display, .chapter-body > pre, .chapter-body > .table-scroll';

/**
 * Fits every wide block on the page. afresh (after the window changes width) first puts every block
 * back in the column and every equation on one line; otherwise (fonts arrived) only what does not
 * fit yet is widened or broken, so the equations already broken are not typeset again.
 */
export function fitPage(doc, afresh = true) {
  // What lies far from the screen is fitted when it comes near (fitWhenRendered).
  const near = (list) => [...list].filter(measurableNow);
  fitBlocks(near(doc.querySelectorAll(WIDE)), near(doc.querySelectorAll('.math.display[data-tex]')), afresh);
  updateScrollers(doc);
}

/** Fits a chapter block that was passed over while far from the screen, once it comes near. */
function fitWhenRendered(doc) {
  whenRendered(doc, (block) => {
    fitBlocks(block.matches(WIDE) ? [block] : [], within(block, '.math.display[data-tex]'), true);
    markScrollers(within(block, SCROLLERS));
  });
}

function within(block, selector) {
  return [...(block.matches(selector) ? [block] : []), ...block.querySelectorAll(selector)];
}

/**
 * Fits only the blocks holding these elements, freshly typeset formulas: one layout for the batch,
 * however long the page, where a whole-page fit would lay out every formula again.
 */
export function fitAround(typeset) {
  const elements = typeset.filter(measurableNow);
  const blocks = new Set();
  const scrollers = new Set();
  for (const el of elements) {
    const block = el.closest(WIDE);
    if (block) blocks.add(block);
    const scroller = el.closest(SCROLLERS);
    if (scroller) scrollers.add(scroller);
  }
  const equations = elements.filter((el) => el.matches('.math.display[data-tex]'));
  fitBlocks([...blocks], equations, true);
  markScrollers([...scrollers]);
}

function fitBlocks(blocks, equations, afresh) {
  if (afresh) {
    blocks.forEach((el) => el.classList.remove('is-wide'));
    equations.forEach(unbreakEquation);
  }
  // Read every width, then write: a layout for each step, not for each block.
  blocks.filter(overflows).forEach((el) => el.classList.add('is-wide'));
  equations.filter(overflows).forEach(breakEquation);
}

/**
 * Fits the page now, when fonts have loaded, and again whenever the window changes width. Returns
 * fit(), which fits what does not fit yet at the next frame; calls in one frame share one fit.
 */
export function keepPageFitted(doc) {
  let pending = 0;
  let afresh = false;
  const fitAt = (fromScratch) => {
    afresh ||= fromScratch;
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      fitPage(doc, afresh);
      afresh = false;
    });
  };
  const fit = () => fitAt(false);
  fitWhenRendered(doc);
  fitAt(true);   // before the first paint: the frame lays the page out then anyway
  // KaTeX's fonts arrive after the first formulas are typeset and widen them.
  doc.fonts?.addEventListener('loadingdone', fit);
  doc.fonts?.ready.then(fit);
  // An answer opened in a <details> shows equations and tables that had no width while it was closed.
  doc.addEventListener('toggle', (event) => { if (event.target.open) fitAt(true); }, true);
  let width = window.innerWidth;
  window.addEventListener('resize', () => {
    // A phone's address bar changes the height as the page scrolls; only a new width changes the fit.
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    fitAt(true);
  });
  return fit;
}
