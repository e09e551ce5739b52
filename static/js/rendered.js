// A chapter's blocks far from the screen are not rendered (content-visibility: auto in fit.css):
// their content has no layout until they come near. Measuring anything inside one would lay that
// block out for the measurement alone, and measuring the whole chapter at once laid all of it out in
// one long task. So what lies in such a block is measured when the block comes near the screen (the
// browser renders it half a screen ahead), and all that is left when the page is printed.

import { linkedElement } from './fragment.js';

const BLOCK = '.chapter-body > *';

/** Blocks holding something that was not measured yet. */
const later = new Set();
let measure = null;       // measure(block), set by whenRendered
let forcing = false;      // true while a block is measured on purpose, rendered or not

/** False while el's content is not rendered: el is, or lies inside, a chapter block far from the screen. */
export function rendered(el) {
  const inner = el.matches(BLOCK) ? el.firstElementChild : el;
  // A browser without checkVisibility (Safari before 17.4) has no content-visibility either: all is rendered.
  return !inner || typeof inner.checkVisibility !== 'function' || inner.checkVisibility({ contentVisibilityAuto: true });
}

/** True when el may be measured now; else its block is measured later (whenRendered's measure). */
export function measurableNow(el) {
  if (forcing || !measure || rendered(el)) return true;
  const block = el.closest(BLOCK);
  if (!block) return true;
  later.add(block);
  return false;
}

/** Hands each block passed over by measurableNow to measure(block) once it comes near the screen, takes the focus, or the page is printed. */
export function whenRendered(doc, use) {
  measure = use;
  // The event does not bubble, but the document sees it while it is captured.
  doc.addEventListener('contentvisibilityautostatechange', (event) => {
    if (!event.skipped && later.has(event.target)) measureNow(event.target);
  }, true);
  // Focus renders a block whole (fit.css) without that event: a reader tabbing into it gets it fitted too.
  doc.addEventListener('focusin', (event) => {
    const block = event.target instanceof Element ? event.target.closest(BLOCK) : null;
    if (block && later.has(block)) measureNow(block);
  });
  const all = () => [...later].forEach(measureNow);
  window.addEventListener('beforeprint', all);
  // Printing to PDF from a driven browser applies the print media without a beforeprint event.
  window.matchMedia('print').addEventListener('change', (event) => { if (event.matches) all(); });
}

function measureNow(block) {
  later.delete(block);
  // A skipped block's own size stays the placeholder's, whatever is asked of its content: it is
  // rendered for the measuring (.is-measuring in fit.css) and skipped again before the next frame.
  const skipped = !rendered(block);
  if (skipped) block.classList.add('is-measuring');
  forcing = true;
  try {
    if (block.isConnected) measure(block);
  } finally {
    forcing = false;
    if (skipped) block.classList.remove('is-measuring');
  }
}

/** How long after a jump to a heading the page keeps it in place while the blocks around it are rendered. */
const HOLD_MS = 3000;

/**
 * Keeps the element a link jumps to (#section) where the jump put it. The blocks passed over have
 * placeholder heights until rendered, and formulas above are typeset meanwhile: without this the
 * heading drifted down, out of the window. Until the reader scrolls (the page moved, not the
 * heading within it) or HOLD_MS pass.
 */
export function holdLinkedTarget(doc) {
  const hold = () => {
    const target = linkedElement(doc);
    // Only what lies in a chapter: not the menu (#chapters).
    if (!target?.closest('.chapter-body')) return;
    target.scrollIntoView({ behavior: 'instant' });
    const wanted = target.getBoundingClientRect().top;
    let scrolled = window.scrollY;
    const until = performance.now() + HOLD_MS;
    const check = () => {
      const moved = Math.abs(target.getBoundingClientRect().top - wanted) > 1;
      // The page scrolled and the heading moved: the reader scrolled (scroll anchoring moves the page, not the heading).
      if (performance.now() > until || (window.scrollY !== scrolled && moved)) return;
      if (moved) target.scrollIntoView({ behavior: 'instant' });
      scrolled = window.scrollY;
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  hold();
  window.addEventListener('hashchange', hold);
}
