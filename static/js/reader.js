// The reader's aids that every page shares: the search box's results as you type.
import { setUpSearch } from './search.js';

setUpSearch(document);
