// A chapter's blocks far from the screen are not rendered (content-visibility: auto in fit.css):
// their content has no layout until they come near. Measuring anything inside one would lay it out
// for that alone, so the page measures only what is rendered, and the rest when its block comes near.

const BLOCK = '.chapter-body > *';

/** Blocks holding something that was not measured while they were far from the screen. */
const later = new Set();

/** False while el's content is not rendered: el is, or lies inside, a chapter block far from the screen. */
export function rendered(el) {
  const inner = el.matches(BLOCK) ? el.firstElementChild : el;
  return !inner || inner.checkVisibility({ contentVisibilityAuto: true });
}

/** True when el can be measured now; else its block is remembered and handed to whenRendered's use. */
export function measurableNow(el) {
  if (rendered(el)) return true;
  const block = el.closest(BLOCK);
  if (block) later.add(block);
  return false;
}

/** Calls use(block) when a block holding something not measured yet comes near and is rendered. */
export function whenRendered(doc, use) {
  // The event does not bubble, but the document sees it while it is captured.
  doc.addEventListener('contentvisibilityautostatechange', (event) => {
    if (!event.skipped && later.delete(event.target)) use(event.target);
  }, true);
}
