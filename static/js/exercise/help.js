// Help an exercise gives on request: hints one at a time, and the worked solution, both fetched
// only when asked for, so the answer is never in the page before the learner wants it.
import { el } from '../dom.js';
import { getJson } from '../api.js';
import { matrixTable, stepNode } from './text.js';

export class Help {
  /** exercise: the Exercise this help belongs to (its url(), query(), seed, hint count and problem line). */
  constructor(exercise) {
    this.exercise = exercise;
    this.shown = 0;
    this.hints = el('ol', 'exercise-hints');
    this.hints.hidden = true;
    this.solution = el('div', 'exercise-solution');
    this.solution.hidden = true;
  }

  get total() {
    return this.exercise.data.hints;
  }

  hintButton() {
    this.hintButtonEl = el('button', 'hint-button', this.hintLabel());
    this.hintButtonEl.type = 'button';
    this.hintButtonEl.disabled = this.total === 0;
    this.hintButtonEl.addEventListener('click', () => this.nextHint());
    return this.hintButtonEl;
  }

  solutionButton() {
    this.solutionButtonEl = el('button', 'solution-button', 'Show solution');
    this.solutionButtonEl.type = 'button';
    this.solutionButtonEl.setAttribute('aria-expanded', 'false');
    this.solutionButtonEl.addEventListener('click', () => this.toggleSolution());
    this.solutionButtonEl.hidden = !this.exercise.data.solutionAvailable;   // a course may keep solutions for its instructors
    return this.solutionButtonEl;
  }

  hintLabel() {
    if (this.shown >= this.total) return 'No more hints';
    return this.shown === 0 ? `Hint (1 of ${this.total})` : `Next hint (${this.shown + 1} of ${this.total})`;
  }

  async nextHint() {
    if (this.shown >= this.total) return;
    const step = this.shown + 1;
    let body;
    try {
      body = await getJson(this.exercise.path(`/hints?seed=${encodeURIComponent(this.exercise.seed)}&step=${step}`));
    } catch (err) {
      this.exercise.showProblem(`The hint could not be loaded: ${err.message}`);
      return;
    }
    this.shown = step;
    this.hints.hidden = false;
    const item = stepNode(body.hint, 'li');
    item.tabIndex = -1;
    this.hints.append(item);
    this.hintButtonEl.textContent = this.hintLabel();
    this.hintButtonEl.disabled = this.shown >= this.total;
    this.exercise.refreshScrollers?.();
    if (this.hintButtonEl.disabled) item.focus();
  }

  async toggleSolution() {
    const button = this.solutionButtonEl;
    if (!this.solution.hidden) {
      this.solution.hidden = true;
      button.textContent = 'Show solution';
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    if (this.solution.childElementCount === 0) {
      let body;
      try {
        body = await getJson(this.exercise.path(`/solution?${this.exercise.query()}`));
      } catch (err) {
        this.exercise.showProblem(`The solution could not be loaded: ${err.message}`);
        return;
      }
      this.showSolution(body);
    }
    this.solution.hidden = false;
    this.exercise.refreshScrollers?.();
    button.textContent = 'Hide solution';
    button.setAttribute('aria-expanded', 'true');
  }

  showSolution(body) {
    this.solution.append(el('h4', null, 'Worked solution'));
    const steps = el('ol', 'solution-steps');
    for (const step of body.steps) steps.append(stepNode(step, 'li'));
    this.solution.append(steps);
    const last = body.steps[body.steps.length - 1];
    // Most solutions end on the answer's own table; the others get it here.
    if (!last?.table) {
      const answer = el('div', 'matrix-row solution-answer');
      answer.append(matrixTable(body.answer));
      this.solution.append(el('p', null, 'The answer:'), answer);
    } else {
      steps.lastElementChild.querySelector('.matrix-row')?.classList.add('solution-answer');
    }
  }
}
