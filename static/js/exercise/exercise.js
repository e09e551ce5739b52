// One apply-now exercise: the prompt and its matrices from the server, the answer grid, and
// Check / Hint / Show solution / New numbers. The server checks the answer and names mistakes.
import { el } from '../dom.js';
import { apiUrl, getJson, postJson } from '../api.js';
import { markSolved, isSolved, chapterSlug } from '../progress.js';
import { makeScrollersFocusable } from '../scroll.js';
import { chooseNumbers, storedSeed, storeSeed, randomSeed } from './seeds.js';
import { studentForm, STUDENT_EVENT } from './student.js';
import { linkedStudent } from '../signed-in.js';
import { AnswerGrid, markInvalid } from './grid.js';
import { Help } from './help.js';
import { richText, matrixTable } from './text.js';

export class Exercise {
  constructor(el) {
    this.el = el;
    this.id = el.dataset.exerciseId;
    Object.assign(this, chooseNumbers(this.id));
  }

  async start() {
    this.el.querySelector('.exercise-loading')?.remove();
    this.body = el('div', 'exercise-body');
    this.el.append(this.body);
    if (this.ignoredSeed) this.el.insertBefore(this.ignoredSeedNote(), this.body);
    if (this.perStudent) await this.useLink();
    if (this.needsStudent) {
      document.addEventListener(STUDENT_EVENT, (event) => this.useStudent(event.detail), { once: true });
      this.body.append(studentForm(this.id));
      return;
    }
    await this.load();
    // Matrices and the answer grid scroll sideways on a phone: keyboard users need to reach them too.
    this.refreshScrollers = makeScrollersFocusable(this.el);
  }

  ignoredSeedNote() {
    return el('p', 'exercise-seed-ignored',
      `The seed in this page's address (${this.ignoredSeed}) is not used: your course gives each student their own numbers, made from their name or ID.`);
  }

  /** A student signed in by their link gets the numbers of their roster id, with nothing to type. */
  async useLink() {
    const me = await linkedStudent();
    if (!me) return;
    this.student = me.id;
    this.needsStudent = false;
    this.seed = null;
  }

  async useStudent(student) {
    this.student = student;
    this.needsStudent = false;
    this.seed = null;
    this.body.textContent = '';
    await this.load();
    if (this.refreshScrollers) this.refreshScrollers();
    else this.refreshScrollers = makeScrollersFocusable(this.el);
  }

  query() {
    if (this.seed !== null && this.seed !== undefined) return `seed=${encodeURIComponent(this.seed)}`;
    if (this.student) return `student=${encodeURIComponent(this.student)}`;
    return '';
  }

  /** The API path of this exercise, then `rest`. */
  path(rest) {
    return `/api/exercises/${encodeURIComponent(this.id)}${rest}`;
  }

  async load() {
    let body;
    try {
      body = await getJson(this.path(`?${this.query()}`));
    } catch (err) {
      this.body.textContent = '';
      this.body.append(el('p', 'exercise-error', `This exercise could not be loaded: ${err.message}`));
      return;
    }
    this.body.textContent = '';
    this.data = body;
    this.seed = String(body.seed);
    if (body.student) this.student = body.student;   // the name as the server reads it, spaces tidied
    this.render();
  }

  render() {
    const ex = this.data;
    this.help = new Help(this);
    this.body.append(this.seedLine());
    const prompt = el('div', 'exercise-prompt');
    for (const paragraph of ex.prompt) prompt.append(richText('p', null, paragraph));
    if (ex.given.length > 0) {
      const row = el('div', 'matrix-row');
      for (const table of ex.given) row.append(matrixTable(table));
      prompt.append(row);
    }
    this.body.append(prompt, this.answerForm());
    this.feedback = el('div', 'exercise-feedback');
    this.feedback.setAttribute('role', 'status');
    this.feedback.setAttribute('aria-live', 'polite');
    this.body.append(this.feedback, this.help.hints, this.help.solution, this.worksheetLink());
    if (isSolved(this.id)) {
      const again = this.perStudent ? '' : ' Try it with new numbers?';
      this.feedback.append(el('p', 'exercise-solved-before', `You have solved this exercise before.${again}`));
    }
  }

  seedLine() {
    const line = el('p', 'exercise-seed');
    line.append('Numbers no. ', el('strong', null, this.seed));
    if (this.pinnedSeed === this.seed) line.append(' (set by your link)');
    else if (this.classSeed === this.seed) line.append(" (your class's numbers)");
    else if (this.student && !this.pinnedSeed && (this.perStudent || storedSeed(this.id) === null)) line.append(` (for ${this.student})`);
    const link = el('a', null, 'link to these numbers');
    const here = new URL(location.href);
    if (this.perStudent) {
      here.searchParams.set('student', this.student);
      here.searchParams.delete('seed');
    } else {
      here.searchParams.set('seed', this.seed);
      here.searchParams.delete('student');
    }
    here.searchParams.delete('key');
    here.hash = '';
    link.href = here.toString();
    line.append(' · ', link);
    return line;
  }

  worksheetLink() {
    const slug = chapterSlug();
    const line = el('p', 'exercise-worksheet');
    if (!slug) return line;
    const link = el('a', null, "Print this chapter's exercises as a worksheet");
    const sheet = this.perStudent ? `student=${encodeURIComponent(this.student)}` : `seed=${encodeURIComponent(this.seed)}`;
    link.href = apiUrl(`/worksheets/${encodeURIComponent(slug)}?${sheet}`);
    line.append(link);
    return line;
  }

  answerForm() {
    this.grid = new AnswerGrid(this.data.answer);
    const form = el('form', 'exercise-answer');
    form.noValidate = true;
    form.append(this.grid.render());
    const buttons = el('div', 'exercise-buttons');
    const check = el('button', 'check-button', 'Check');
    check.type = 'submit';
    buttons.append(check, this.help.hintButton(), this.help.solutionButton());
    if (!this.perStudent) {
      // a student's own numbers stay theirs
      const fresh = el('button', 'new-numbers', 'New numbers');
      fresh.type = 'button';
      fresh.addEventListener('click', () => this.newNumbers());
      buttons.append(fresh);
    }
    form.append(buttons);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check();
    });
    return form;
  }

  showProblem(message, input) {
    this.feedback.textContent = '';
    this.feedback.className = 'exercise-feedback feedback-problem';
    this.feedback.append(el('p', null, message));
    if (input) markInvalid(input);
  }

  async check() {
    this.grid.clearMarks();
    const read = this.grid.read();
    if (read.problem) {
      this.showProblem(read.problem, read.input);
      return;
    }
    let verdict;
    try {
      verdict = await postJson(this.path('/check'), { seed: Number(this.seed), answer: read.answer });
    } catch (err) {
      this.showProblem(err.message, this.grid.cell(err.body?.row, err.body?.col));
      return;
    }
    this.showVerdict(verdict);
  }

  showVerdict(verdict) {
    this.feedback.textContent = '';
    this.feedback.className = `exercise-feedback ${verdict.correct ? 'feedback-correct' : 'feedback-wrong'}`;
    this.feedback.append(el('p', 'verdict', verdict.message));
    this.grid.markVerdict(verdict.wrongCells);
    for (const diagnosis of verdict.diagnoses) {
      const p = richText('p', 'diagnosis', diagnosis.text);
      p.dataset.mistake = diagnosis.key;
      p.prepend(el('strong', null, 'Likely mistake: '));
      this.feedback.append(p);
    }
    for (const note of verdict.notes) this.feedback.append(el('p', 'note', note));
    this.showRecordError(verdict);
    if (verdict.correct) {
      markSolved(chapterSlug(), this.id);
      this.feedback.append(el('p', 'solved-note', 'Solved: the chapter list marks it, in this browser.'));
    }
  }

  /** A linked student's check that the class records could not keep: the verdict stands, and they are told. */
  showRecordError(answer) {
    if (answer.record_error) this.feedback.append(el('p', 'record-error', answer.record_error));
  }

  async newNumbers() {
    this.seed = String(randomSeed());
    this.pinnedSeed = null;
    storeSeed(this.id, this.seed);
    await this.load();
    this.refreshScrollers?.();
    this.grid.first()?.focus();
  }
}
