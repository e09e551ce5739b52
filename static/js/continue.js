// Picking up where you left off, kept in this browser (no account): the section last read in each
// chapter, the chapter last open, and the chapters read to their summary. The contents page offers
// "Continue: chapter N, section S"; a chapter reopened at its top offers to return to its last section;
// "Forget my progress" clears this and the solved exercises.
import { PROGRESS_KEY, showProgress } from './progress.js';

const KEY = 'attentionbook.reading';

function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY));
    if (stored && typeof stored === 'object' && stored.sections && stored.read) return stored;
  } catch (err) {
    // storage blocked or unreadable: start afresh
  }
  return { last: null, sections: {}, read: {} };
}

function save(reading) {
  try {
    localStorage.setItem(KEY, JSON.stringify(reading));
  } catch (err) {
    // storage full or blocked: nothing is remembered
  }
}

export function setUpContinue(doc) {
  const chapter = doc.querySelector('article.chapter[data-slug]');
  if (chapter) followReading(doc, chapter);
  const contents = doc.querySelector('article.index #contents');
  if (contents) offerToContinue(doc, contents);
  markRead(doc);
}

function followReading(doc, article) {
  const slug = article.dataset.slug;
  const headings = [...article.querySelectorAll('.chapter-body h2[id], .chapter-body h3[id]')];
  if (headings.length === 0) return;
  const earlier = load().sections[slug];
  if (earlier && !window.location.hash && earlier.id !== headings[0].id && doc.getElementById(earlier.id)) {
    offerToReturn(doc, article, earlier);
  }
  // The section being read is the last heading that has passed the top third of the window.
  let timer = null;
  const note = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const line = window.innerHeight / 3;
      const passed = headings.filter((h) => h.getBoundingClientRect().top < line);
      if (passed.length === 0) return;
      const at = passed[passed.length - 1];
      const reading = load();
      const title = at.textContent.trim();
      reading.sections[slug] = { id: at.id, title };
      reading.last = { slug, id: at.id, title };
      if (at.id === 'summary' || window.innerHeight + window.scrollY >= doc.documentElement.scrollHeight - 4) {
        reading.read[slug] = true;
      }
      save(reading);
    }, 250);
  };
  window.addEventListener('scroll', note, { passive: true });
  window.addEventListener('hashchange', note);
}

function offerToReturn(doc, article, earlier) {
  const offer = doc.createElement('p');
  offer.className = 'continue-offer';
  offer.setAttribute('role', 'status');
  const back = doc.createElement('a');
  back.href = `#${earlier.id}`;
  back.textContent = `Return to “${earlier.title}”`;
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = 'Start at the top';
  offer.append('You were reading this chapter. ', back, ' ', dismiss);
  back.addEventListener('click', () => offer.remove());
  dismiss.addEventListener('click', () => offer.remove());
  article.querySelector('.chapter-header')?.after(offer);
}

function offerToContinue(doc, contents) {
  const reading = load();
  const box = doc.createElement('div');
  box.className = 'continue-box';
  const item = reading.last && doc.querySelector(`.chapter-list li[data-slug="${CSS.escape(reading.last.slug)}"]`);
  const hasProgress = reading.last || Object.keys(reading.read).length > 0 || localStorage.getItem(PROGRESS_KEY);
  if (!hasProgress) return;
  if (item) {
    const number = item.querySelector('.chapter-number')?.textContent.trim() || '';
    const link = doc.createElement('a');
    link.className = 'continue-link';
    link.href = `${item.querySelector('a').getAttribute('href')}#${reading.last.id}`;
    link.textContent = `Continue: ${number ? `${number.toLowerCase()}, ` : ''}section “${reading.last.title}”`;
    box.append(link);
  }
  const forget = doc.createElement('button');
  forget.type = 'button';
  forget.className = 'forget-progress';
  forget.textContent = 'Forget my progress';
  const said = doc.createElement('p');
  said.className = 'visually-hidden';
  said.setAttribute('aria-live', 'polite');
  forget.addEventListener('click', () => {
    try {
      localStorage.removeItem(KEY);
      localStorage.removeItem(PROGRESS_KEY);
    } catch (err) {
      // storage blocked: there was nothing kept
    }
    box.replaceChildren(said);
    said.textContent = 'Your progress in this browser is forgotten.';
    markRead(doc);
    showProgress(doc);
  });
  box.append(' ', forget, said);
  contents.before(box);
}

/** Marks every listed chapter read to its summary: a class for the style and words for a screen reader. */
function markRead(doc) {
  const read = load().read;
  for (const item of doc.querySelectorAll('li[data-slug]')) {
    const done = read[item.dataset.slug] === true;
    item.classList.toggle('chapter-read', done);
    let mark = item.querySelector(':scope > a .read-mark');
    if (done && !mark) {
      mark = doc.createElement('span');
      mark.className = 'read-mark';
      mark.textContent = ' · read';
      item.querySelector(':scope > a')?.append(mark);
    } else if (!done) {
      mark?.remove();
    }
  }
}
