// The page's own behaviour: typeset math, open and close the chapter menu on small screens,
// give keyboard access to anything that scrolls sideways, and start widgets and exercises.
import { typesetMath } from './math.js';
import { setUpMenu } from './menu.js';
import { makeScrollersFocusable } from './scroll.js';
import { mountWidgets } from './mount.js';
import './progress.js';

typesetMath(document);
setUpMenu(document);
const refreshScrollers = makeScrollersFocusable(document);
mountWidgets(document).then(() => {
  typesetMath(document);
  refreshScrollers();
});
