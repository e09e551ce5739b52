// The chapters' exercises: mount.js hands every [data-exercise] element to mount(). The parts live
// in static/js/exercise/: the exercise itself, its answer grid, its hints and solution, whose
// numbers it shows, and how its text and matrices are drawn.
import { Exercise } from './exercise/exercise.js';

export function mount(el) {
  if (el.dataset.exercise === 'full-attention') {
    // a whole layer, marked step by step: its grids and marks live in their own module
    import('./full-attention.js').then((module) => module.mountSteps(el, Exercise));
    return;
  }
  new Exercise(el).start();
}

