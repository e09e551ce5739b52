// The page's own behaviour: typeset math, open and close the chapter menu on small screens,
// and give keyboard access to anything that scrolls sideways.
import { typesetMath } from './math.js';
import { setUpMenu } from './menu.js';
import { makeScrollersFocusable } from './scroll.js';

typesetMath(document);
setUpMenu(document);
makeScrollersFocusable(document);
