// The page's own behaviour: typeset math, open and close the chapter menu on small screens,
// and mount any widget or exercise modules the chapter declares.
import { typesetMath } from './math.js';
import { setUpMenu } from './menu.js';

typesetMath(document);
setUpMenu(document);
