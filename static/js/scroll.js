// A box that scrolls sideways (a wide equation or matrix on a phone) must be reachable with the
// keyboard, or its hidden part cannot be read without a mouse. Only boxes that really overflow get
// a tab stop, so a wide screen has no extra stops.
const SCROLLERS = '.math.display, .matrix, .chapter-body table, .chapter-body pre, .widget-scroll';

/** Gives a tab stop to every scroller under root that overflows now, and takes it back from those that no longer do. */
export function updateScrollers(root) {
  for (const el of root.querySelectorAll(SCROLLERS)) {
    // Even a 1px overflow scrolls, and axe-core (rightly) asks for keyboard access to it.
    const overflows = el.scrollWidth > el.clientWidth;
    if (overflows && !el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', labelFor(el));
      el.dataset.scrollFocus = 'true';
    } else if (!overflows && el.dataset.scrollFocus === 'true') {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.scrollFocus;
    }
  }
}

export function makeScrollersFocusable(root) {
  const update = () => updateScrollers(root);
  update();
  // Web fonts (KaTeX's) can widen an equation after the first layout.
  document.fonts?.ready.then(update);
  window.addEventListener('load', update);
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  });
  return update;
}

function labelFor(el) {
  if (el.classList.contains('math')) return 'Equation (scrolls sideways)';
  if (el.tagName === 'PRE') return 'Code (scrolls sideways)';
  const caption = el.querySelector('caption');
  return (caption ? caption.textContent.trim() : 'Table') + ' (scrolls sideways)';
}
