// The page's own behaviour: typeset math, open and close the chapter menu on small screens,
// fit wide equations, code and tables to the screen (and mark what still scrolls sideways), and
// start widgets and exercises.
import { typesetLazily } from './math.js';
import { setUpMenu, keepHeaderHeight } from './menu.js';
import { keepPageFitted, fitAround } from './fit.js';
import { mountWidgets } from './mount.js';
import { showSignedIn } from './signed-in.js';
import { holdLinkedTarget } from './rendered.js';
import './progress.js';
import './symbols.js';

// The first screen's formulas now, the rest in idle slices, each batch fitted as it arrives.
const fitSoon = batchedByFrame(fitAround);
typesetLazily(document, fitSoon);
setUpMenu(document);
keepHeaderHeight(document);
showSignedIn(document);
const fit = keepPageFitted(document);
holdLinkedTarget(document);
// Widgets and exercises start as they come near the screen, each typesetting and fitting what it wrote.
mountWidgets(document, (part) => {
  typesetLazily(part, fitSoon);
  fit();
});

/**
 * fit(elements), run once a frame for all the elements handed over since the last frame: the frame
 * lays the page out anyway, so measuring then costs no layout of its own, where measuring in the
 * idle slice that typeset them would.
 */
function batchedByFrame(fit) {
  let waiting = [];
  return (elements) => {
    if (waiting.length === 0) {
      requestAnimationFrame(() => {
        const batch = waiting;
        waiting = [];
        fit(batch.filter((el) => el.isConnected));
      });
    }
    waiting.push(...elements);
  };
}
