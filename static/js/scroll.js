// Anything wider than its box scrolls sideways inside that box, never the page. A box that really
// overflows says so: book.css shows a "scroll →" cue and fades the edge that hides more, until the
// reader reaches the end (data-scroll = start, middle or end). It also gets a tab stop, or its hidden
// part could not be read without a mouse. A box that fits gets none of this.
import { measurableNow } from './rendered.js';

export const SCROLLERS = '.math.display, .matrix, .table-scroll, .chapter-body table, .chapter-body pre, .widget-scroll';

/** Marks every scroller under root that overflows now, and unmarks those that no longer do. */
export function updateScrollers(root) {
  markScrollers([...root.querySelectorAll(SCROLLERS)]);
}

/** Marks these boxes: each that overflows now, and unmarks those that no longer do. */
export function markScrollers(all) {
  // A box far from the screen is marked when it comes near (fit.js), not laid out for this now.
  const boxes = all.filter(measurableNow);
  // Measure everything first, then write: one layout, however many boxes.
  const overflowing = boxes.map(overflows);
  boxes.forEach((el, i) => mark(el, overflowing[i]));
}

/**
 * Keeps the scrollers under root marked: at the next frame, when fonts arrive and whenever the
 * window changes size. Returns update(), which marks them again at the next frame (calls in one
 * frame share one update, and so one layout).
 */
export function makeScrollersFocusable(root) {
  let pending = 0;
  const update = () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      updateScrollers(root);
    });
  };
  update();
  // Web fonts (KaTeX's) can widen an equation after the first layout.
  document.fonts?.ready.then(update);
  window.addEventListener('resize', update);
  return update;
}

/** True when el hides part of its content sideways (even 1px scrolls, and axe-core asks for keyboard access to it). */
export function overflows(el) {
  return el.scrollWidth > el.clientWidth;
}

function mark(el, overflowing) {
  if (overflowing) {
    el.classList.add('is-scrollable');
    placeOf(el);
    if (!el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', labelFor(el));
      el.dataset.scrollFocus = 'true';
    }
  } else {
    el.classList.remove('is-scrollable');
    delete el.dataset.scroll;
    if (el.dataset.scrollFocus === 'true') {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.scrollFocus;
    }
  }
}

/** Where the reader is in a scrolling box: at its start, its end, or in the middle. */
function placeOf(el) {
  const hidden = el.scrollWidth - el.clientWidth;
  const at = Math.abs(el.scrollLeft);
  el.dataset.scroll = at <= 1 ? 'start' : at >= hidden - 1 ? 'end' : 'middle';
}

// Scroll events do not bubble, but the document sees them all while they are captured.
document.addEventListener('scroll', (event) => {
  const el = event.target;
  if (el instanceof Element && el.classList.contains('is-scrollable')) placeOf(el);
}, { capture: true, passive: true });

function labelFor(el) {
  if (el.classList.contains('math')) return 'Equation (scrolls sideways)';
  if (el.tagName === 'PRE') return 'Code (scrolls sideways)';
  const caption = el.querySelector('caption');
  return (caption ? caption.textContent.trim() : 'Table') + ' (scrolls sideways)';
}
