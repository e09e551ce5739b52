// A chapter's blocks far from the screen are not rendered (content-visibility: auto in fit.css):
// their content has no layout until they come near. Measuring anything inside one lays that block
// out for the measurement alone, and measuring the whole chapter at once laid out all of it in one
// long task. So what lies in such a block is measured when the block comes near the screen, or
// before that in short slices while the browser is idle, in the page's order, and all that are left
// when the page is printed.

const BLOCK = '.chapter-body > *';
/** Milliseconds of measuring in one idle slice: a phone, four times slower, still stays under 50 ms. */
const SLICE_MS = 8;

/** Blocks holding something that was not measured yet, in the order they were met. */
const later = new Set();
let measure = null;       // measure(block), set by whenRendered
let forcing = false;      // true while a block is measured on purpose, rendered or not
let scheduled = false;

/** False while el's content is not rendered: el is, or lies inside, a chapter block far from the screen. */
export function rendered(el) {
  const inner = el.matches(BLOCK) ? el.firstElementChild : el;
  return !inner || inner.checkVisibility({ contentVisibilityAuto: true });
}

/** True when el may be measured now; else its block is measured later (whenRendered's measure). */
export function measurableNow(el) {
  if (forcing || !measure || rendered(el)) return true;
  const block = el.closest(BLOCK);
  if (!block) return true;
  later.add(block);
  document.documentElement.dataset.measuring = 'later';
  schedule();
  return false;
}

/**
 * Hands each block passed over by measurableNow to measure(block): as soon as it comes near the
 * screen, or in an idle slice before that. Until none is left, <html data-measuring> says so.
 */
export function whenRendered(doc, use) {
  measure = use;
  // The event does not bubble, but the document sees it while it is captured.
  doc.addEventListener('contentvisibilityautostatechange', (event) => {
    if (!event.skipped && later.has(event.target)) measureNow(event.target);
  }, true);
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
  if (later.size === 0) delete document.documentElement.dataset.measuring;
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  const slice = (budget) => {
    scheduled = false;
    const end = performance.now() + budget;
    for (const block of later) {
      measureNow(block);
      if (performance.now() >= end) break;
    }
    if (later.size > 0) schedule();
  };
  if (window.requestIdleCallback) {
    requestIdleCallback((deadline) => slice(Math.max(2, Math.min(SLICE_MS, deadline.timeRemaining()))), { timeout: 2000 });
  } else {
    setTimeout(() => slice(SLICE_MS), 50);
  }
}
