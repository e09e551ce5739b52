// Progress without an account: the exercises a learner has solved are remembered in this browser's
// localStorage and marked in every chapter list (the sidebar and the index, li[data-slug]).
/** The localStorage key of the solved exercises; continue.js clears it with the reading progress. */
export const PROGRESS_KEY = 'attentionbook.progress';

function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(PROGRESS_KEY));
    if (stored && typeof stored === 'object' && stored.solved && stored.chapters) return stored;
  } catch (err) {
    // storage blocked or unreadable: start afresh
  }
  return { solved: {}, chapters: {} };
}

function save(progress) {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch (err) {
    // storage full or blocked: progress lasts for this page only
  }
}

/** The slug of the chapter this page shows, or null on a page that is no chapter. */
export function chapterSlug() {
  return document.querySelector('article[data-slug]')?.dataset.slug || null;
}

/** Remembers which exercises a chapter has, so lists on other pages can say how many are solved. */
export function noteChapterExercises(slug, ids) {
  const progress = load();
  progress.chapters[slug] = [...new Set(ids)];
  save(progress);
  showProgress(document);
}

export function markSolved(slug, id) {
  const progress = load();
  progress.solved[id] = true;
  if (slug && !(progress.chapters[slug] || []).includes(id)) {
    progress.chapters[slug] = [...(progress.chapters[slug] || []), id];
  }
  save(progress);
  showProgress(document);
}

export function isSolved(id) {
  return load().solved[id] === true;
}

/** Marks each li[data-slug] whose chapter has exercises: all solved, some solved, or none. */
export function showProgress(root) {
  const progress = load();
  for (const item of root.querySelectorAll('li[data-slug]')) {
    const ids = progress.chapters[item.dataset.slug] || [];
    const solved = ids.filter((id) => progress.solved[id]).length;
    let mark = item.querySelector(':scope > a .progress-mark');
    item.classList.toggle('progress-done', ids.length > 0 && solved === ids.length);
    item.classList.toggle('progress-partial', solved > 0 && solved < ids.length);
    if (solved === 0) {
      mark?.remove();
      continue;
    }
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'progress-mark';
      item.querySelector(':scope > a')?.append(mark);
    }
    const done = solved === ids.length;
    mark.textContent = '';
    const symbol = document.createElement('span');
    symbol.setAttribute('aria-hidden', 'true');
    symbol.textContent = done ? '✓' : `${solved}/${ids.length}`;
    const words = document.createElement('span');
    words.className = 'visually-hidden';
    words.textContent = done ? ' (exercises solved)' : ` (${solved} of ${ids.length} exercises solved)`;
    mark.append(symbol, words);
  }
}

showProgress(document);
