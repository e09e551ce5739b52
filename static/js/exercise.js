// The chapters' exercises: mount.js hands every [data-exercise] element to mount(). The parts live
// in static/js/exercise/: the exercise itself, its answer grid, its hints and solution, whose
// numbers it shows, and how its text and matrices are drawn.
import { noteChapterExercises } from './progress.js';
import { Exercise, chapterSlug } from './exercise/exercise.js';

let chapterNoted = false;

export function mount(el) {
  noteChapter();
  if (el.dataset.exercise === 'full-attention') {
    // a whole layer, marked step by step: its grids and marks live in their own module
    import('./full-attention.js').then((module) => module.mountSteps(el, Exercise));
    return;
  }
  new Exercise(el).start();
}

/** Tells the progress store once which exercises this chapter has, so chapter lists can count them. */
function noteChapter() {
  if (chapterNoted) return;
  chapterNoted = true;
  const slug = chapterSlug();
  const ids = [...document.querySelectorAll('[data-exercise-id]')].map((e) => e.dataset.exerciseId);
  if (slug) noteChapterExercises(slug, ids);
}
