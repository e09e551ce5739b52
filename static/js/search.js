// The search box in the header: "/" focuses it, results appear as you type (ARIA combobox with a
// listbox), arrow keys move through them, Enter opens the chosen one. Without a choice, Enter
// submits the form to /search, the page that works without this script.
const DELAY_MS = 150;
const MAX_CHARS = 200;

export function setUpSearch(doc) {
  const form = doc.querySelector('form.site-search');
  const input = form?.querySelector('input[name="q"]');
  if (!input) return;
  const status = form.querySelector('#site-search-status');
  // The panel holds the listbox (options only, as ARIA requires) and, below it, a note or a link to all results.
  const panel = doc.createElement('div');
  panel.className = 'site-search-panel';
  panel.hidden = true;
  const list = doc.createElement('ul');
  list.id = 'site-search-results';
  list.className = 'site-search-results';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search results');
  const footer = doc.createElement('p');
  footer.className = 'site-search-note';
  panel.append(list, footer);
  form.append(panel);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');

  const base = doc.body.dataset.base || '';
  let timer = null;
  let asked = 0;
  let controller = null;
  let active = -1;

  const options = () => [...list.querySelectorAll('[role="option"]')];
  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (index) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({ block: 'nearest' });
  };

  const show = (query, results, message) => {
    list.textContent = '';
    footer.textContent = '';
    active = -1;
    input.removeAttribute('aria-activedescendant');
    results.forEach((result, i) => list.append(option(doc, result, i)));
    list.hidden = results.length === 0;
    if (message || results.length === 0) {
      footer.textContent = message || `Nothing in the book matches “${query}”.`;
    } else {
      const link = doc.createElement('a');
      link.href = `${base}/search?q=${encodeURIComponent(query)}`;
      link.textContent = 'All results on their own page';
      footer.append(link);
    }
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = message || `${results.length} ${results.length === 1 ? 'result' : 'results'}`;
  };

  const ask = async (query) => {
    const mine = ++asked;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${base}/api/search?q=${encodeURIComponent(query)}`, { signal: controller.signal });
      const body = await response.json();
      if (mine !== asked) return; // a newer query has been typed
      if (response.ok) show(query, body.results, null);
      else show(query, [], body.error?.replace(/^q: /, '') || 'The search could not answer.');
    } catch (err) {
      if (err.name !== 'AbortError' && mine === asked) show(query, [], 'The search could not be reached; press Enter for the results page.');
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value;
    if (query.trim() === '') {
      asked++;
      close();
      status.textContent = '';
      return;
    }
    if (query.length > MAX_CHARS) {
      show(query, [], `The search is limited to ${MAX_CHARS} characters.`);
      return;
    }
    timer = setTimeout(() => ask(query), DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden) return;
      event.preventDefault();
      choose(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0 && !panel.hidden) {
      event.preventDefault();
      window.location.assign(options()[active].dataset.href);
    } else if (event.key === 'Escape') {
      if (!panel.hidden) {
        event.preventDefault();
        close();
      } else {
        input.value = '';
      }
    }
  });
  input.addEventListener('focus', () => {
    if (panel.hidden && (list.childElementCount > 0 || footer.textContent) && input.value.trim() !== '') {
      panel.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget)) close();
  });
  // pressing an option must not blur the box (which would close the list before the click lands)
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const chosen = event.target.closest('[role="option"]');
    if (chosen) window.location.assign(chosen.dataset.href);
  });

  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

function typing(target) {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

function option(doc, result, i) {
  const item = doc.createElement('li');
  item.id = `site-search-option-${i}`;
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', 'false');
  item.dataset.href = result.href;
  const title = doc.createElement('span');
  title.className = 'search-result-title';
  title.textContent = result.title;
  item.append(title);
  if (result.section) {
    const section = doc.createElement('span');
    section.className = 'search-result-section';
    section.textContent = result.section;
    item.append(section);
  }
  const snippet = doc.createElement('span');
  snippet.className = 'search-snippet';
  snippet.append(...marked(result.snippet));
  item.append(snippet);
  return item;
}

/** The snippet's text and its <mark>s as nodes; anything else the server might send stays text. */
function marked(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}
