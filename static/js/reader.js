// The reader's aids that every page shares: the search box, picking up where you left off, the worked
// examples' code tabs and the code blocks' Copy buttons.
import { setUpSearch } from './search.js';
import { setUpContinue } from './continue.js';
import { setUpExampleTabs, setUpCopyButtons } from './code.js';

setUpSearch(document);
setUpContinue(document);
setUpExampleTabs(document);
setUpCopyButtons(document);
