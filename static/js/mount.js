// Starts the live parts a chapter declares: each <div data-widget="NAME"> is handed to
// static/js/widgets/NAME.js, and exercises to exercise.js. A part that fails to start keeps its
// server-rendered content and reports the failure on the console.
//
// A part starts when its chapter block comes within a screen of the window, not at load: a chapter's
// widgets building their tables and its exercises fetching and typesetting their numbers all at
// once kept a phone busy just as the page was first shown, for parts the reader had not reached.
// Printing starts whatever is left, and so does the first Tab: the keyboard reaches every part.
import { noteChapterExercises, chapterSlug } from './progress.js';

const NAME = /^[a-z][a-z-]*$/;
/** How far outside the window a part counts as near: a screen ahead, so it is ready when scrolled to. */
const AHEAD = '100% 0px';

/**
 * Starts every widget and exercise under root as it comes near the screen; started(el) runs after
 * each has started, so the page can typeset and fit what it wrote.
 */
export function mountWidgets(root, started) {
  noteChapter(root);
  const parts = [];
  for (const el of root.querySelectorAll('[data-widget]')) {
    const name = el.dataset.widget;
    if (!NAME.test(name)) continue;
    parts.push([el, () => import(`./widgets/${name}.js`)
      .then(nextTask)
      .then((module) => module.mount(el))
      .then(() => started(el))
      .catch((err) => {
        el.classList.add('widget-failed');
        console.error(`The ${name} widget could not start:`, err);
      })]);
  }
  for (const el of root.querySelectorAll('[data-exercise]')) {
    parts.push([el, () => import('./exercise.js')
      .then(nextTask)
      .then((module) => module.mount(el))
      .then(() => started(el))
      .catch((err) => console.error('An exercise could not start:', err))]);
  }
  startWhenNear(parts);
}

/**
 * Each [element, start] pair's start(), once, when the element's chapter block comes near the window,
 * the page is printed or the reader first presses Tab. The block is watched, not the element: a block
 * far from the screen is not rendered (content-visibility), and what lies inside it has no place on
 * the page to intersect.
 */
function startWhenNear(parts) {
  if (parts.length === 0) return;
  const waiting = new Map();   // watched block -> the starts of the parts inside it
  for (const [el, run] of parts) {
    const block = el.closest('.chapter-body > *') || el;
    waiting.set(block, [...(waiting.get(block) || []), run]);
  }
  const start = (block) => {
    const runs = waiting.get(block);
    if (!runs) return;
    waiting.delete(block);
    observer?.unobserve(block);
    runs.forEach((run) => run());
  };
  const startAll = () => [...waiting.keys()].forEach(start);
  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting) start(entry.target);
    }, { rootMargin: AHEAD })
    : null;
  if (!observer) {
    startAll();
    return;
  }
  waiting.forEach((runs, block) => observer.observe(block));
  // A reader moving by Tab would otherwise pass parts far below that have nothing to focus yet.
  const byKeyboard = (event) => {
    if (event.key !== 'Tab') return;
    window.removeEventListener('keydown', byKeyboard);
    startAll();
  };
  window.addEventListener('keydown', byKeyboard);
  window.addEventListener('beforeprint', startAll);
  // Printing to PDF from a driven browser applies the print media without a beforeprint event.
  window.matchMedia('print').addEventListener('change', (event) => { if (event.matches) startAll(); });
}

/** Tells the progress store which exercises this chapter has, so chapter lists can count them before any is reached. */
function noteChapter(root) {
  const slug = chapterSlug();
  const ids = [...root.querySelectorAll('[data-exercise-id]')].map((e) => e.dataset.exerciseId);
  if (slug && ids.length > 0) noteChapterExercises(slug, ids);
}

/**
 * Passes value on in a task of its own. Modules that arrive together would otherwise all start in
 * one task, and a chapter's widgets building their tables at once kept a phone busy for most of a second.
 */
function nextTask(value) {
  return new Promise((resolve) => setTimeout(() => resolve(value)));
}
