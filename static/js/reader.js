// The reader's aids that every page shares: the search box, the worked examples' code tabs and the
// code blocks' Copy buttons.
import { setUpSearch } from './search.js';
import { setUpExampleTabs, setUpCopyButtons } from './code.js';

setUpSearch(document);
setUpExampleTabs(document);
setUpCopyButtons(document);
