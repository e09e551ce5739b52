// The page's own behaviour: typeset math, open and close the chapter menu on small screens,
// fit wide equations, code and tables to the screen (and mark what still scrolls sideways), and
// start widgets and exercises.
import { typesetMath } from './math.js';
import { setUpMenu } from './menu.js';
import { keepPageFitted } from './fit.js';
import { mountWidgets } from './mount.js';
import './progress.js';
import './symbols.js';

typesetMath(document);
setUpMenu(document);
const fit = keepPageFitted(document);
mountWidgets(document).then(() => {
  typesetMath(document);
  fit();
});
