// An apply-now exercise: the prompt and its matrices from the server, an answer grid sized to the
// answer (one labelled input a cell), and Check / Hint / Show solution / New numbers. The answer is
// never in the page until the learner asks for the solution; the server checks and names mistakes.
import { markSolved, noteChapterExercises, isSolved } from './progress.js';
import { makeScrollersFocusable } from './scroll.js';
import { typesetMath } from './math.js';
import { formatNumber } from './matrix.js';

const SEED_KEY = 'attentionbook.exercise-seed.';
const STUDENT_KEY = 'attentionbook.student';
const STUDENT_EVENT = 'attentionbook:student';
const MAX_SEED = 999999999;
const MINUS_INFINITY = /^\s*[-−](inf|infinity|∞)\s*$/i;
const NUMBER = /^\s*[-−+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

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

function noteChapter() {
  if (chapterNoted) return;
  chapterNoted = true;
  const slug = chapterSlug();
  const ids = [...document.querySelectorAll('[data-exercise-id]')].map((e) => e.dataset.exerciseId);
  if (slug) noteChapterExercises(slug, ids);
}

function chapterSlug() {
  return document.querySelector('article[data-slug]')?.dataset.slug || null;
}

function base() {
  return document.body.dataset.base || '';
}

export function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A paragraph from the API: plain text with the math between $ signs, as in the chapters. The math
 * goes into <span class="math"> as text and KaTeX typesets it (no innerHTML: the CSP blocks its styles).
 */
export function richText(tag, className, text) {
  const node = make(tag, className);
  const pieces = String(text).split('$');
  pieces.forEach((piece, i) => {
    const math = i % 2 === 1 && i < pieces.length - 1;
    if (math) node.append(make('span', 'math', piece));
    else if (piece) node.append(i % 2 === 1 ? `$${piece}` : piece);
  });
  typesetMath(node);
  return node;
}

function storedSeed(id) {
  try {
    return localStorage.getItem(SEED_KEY + id);
  } catch (err) {
    return null;
  }
}

function storeSeed(id, seed) {
  try {
    localStorage.setItem(SEED_KEY + id, String(seed));
  } catch (err) {
    // storage blocked: the new numbers last until the page is reloaded
  }
}

function storedStudent() {
  try {
    return localStorage.getItem(STUDENT_KEY);
  } catch (err) {
    return null;
  }
}

function storeStudent(student) {
  try {
    localStorage.setItem(STUDENT_KEY, student);
  } catch (err) {
    // storage blocked: the name lasts until the page is reloaded
  }
}

function randomSeed() {
  const words = new Uint32Array(1);
  crypto.getRandomValues(words);
  return 1 + (words[0] % MAX_SEED);
}

export async function getJson(url, options) {
  const response = await fetch(url, options);
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    body = { error: `the server answered ${response.status} without a readable body` };
  }
  return { ok: response.ok, status: response.status, body };
}

function heatClass(value, maxAbs) {
  const step = maxAbs === 0 ? 0 : Math.round((value / maxAbs) * 5);
  return step < 0 ? `heat-s-m${-step}` : `heat-s-p${step}`;
}

/** <thead> with an empty corner and one column header a label. */
export function headerRow(labels) {
  const head = make('thead');
  const row = make('tr');
  row.append(make('td', 'corner'));
  for (const label of labels) {
    const th = make('th', null, label);
    th.scope = 'col';
    row.append(th);
  }
  head.append(row);
  return head;
}

/** A matrix in the book's table look (the markup of the server's MatrixTable). */
export function matrixTable(view) {
  const finite = view.values.flat().filter((v) => v !== null);
  const maxAbs = finite.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const wrapper = make('div', 'matrix');
  const table = make('table', 'matrix-table scale-signed');
  const caption = make('caption');
  caption.append(make('span', 'matrix-name', view.name), ' ', make('span', 'matrix-shape', view.shape));
  table.append(caption);
  const head = headerRow(view.colLabels);
  const body = make('tbody');
  view.values.forEach((row, r) => {
    const tr = make('tr');
    const th = make('th', null, view.rowLabels[r]);
    th.scope = 'row';
    tr.append(th);
    for (const value of row) {
      if (value === null) {
        const td = make('td', 'masked');
        const shown = make('span', null, '−∞');
        shown.setAttribute('aria-hidden', 'true');
        td.append(shown, make('span', 'visually-hidden', 'minus infinity (masked)'));
        tr.append(td);
      } else {
        tr.append(make('td', heatClass(value, maxAbs), formatNumber(value, view.digits)));
      }
    }
    body.append(tr);
  });
  table.append(head, body);
  wrapper.append(table);
  return wrapper;
}

function stepNode(step, tag) {
  const item = make(tag, 'exercise-step');
  item.append(richText('p', null, step.text));
  if (step.lines.length > 0) item.append(make('pre', 'worked-lines', step.lines.join('\n')));
  if (step.table) {
    const row = make('div', 'matrix-row');
    row.append(matrixTable(step.table));
    item.append(row);
  }
  return item;
}

class Exercise {
  constructor(el) {
    this.el = el;
    this.id = el.dataset.exerciseId;
    const params = new URLSearchParams(location.search);
    this.pinnedSeed = params.get('seed');
    this.student = params.get('student');
    this.key = params.get('key');   // an instructor's key, passed on to unlock solutions
    // The course's seed policy applies when the address chooses nothing.
    const policy = document.body.dataset.seedPolicy || 'open';
    // Under the student policy a student's numbers are theirs alone: a seed in the address is ignored, and said so.
    this.perStudent = policy === 'student';
    this.ignoredSeed = this.perStudent ? this.pinnedSeed : null;
    if (this.perStudent) this.pinnedSeed = null;
    const chosen = this.pinnedSeed || this.student;
    this.classSeed = !chosen && policy === 'class' ? document.body.dataset.classSeed : null;
    if (!chosen && policy === 'student') this.student = storedStudent();
    this.needsStudent = !chosen && policy === 'student' && !this.student;
    this.seed = this.pinnedSeed || this.classSeed || (this.student ? null : storedSeed(this.id));
    if (this.seed === null && !this.student && !this.needsStudent) {
      // No seed chosen: this learner's own numbers, kept in this browser so a reload shows them again.
      this.seed = String(randomSeed());
      storeSeed(this.id, this.seed);
    }
    this.hintsShown = 0;
  }

  async start() {
    this.el.querySelector('.exercise-loading')?.remove();
    this.body = make('div', 'exercise-body');
    this.el.append(this.body);
    if (this.ignoredSeed) this.el.insertBefore(this.ignoredSeedNote(), this.body);
    if (this.needsStudent) {
      // One name for the whole page: when any exercise receives it, every waiting one loads.
      document.addEventListener(STUDENT_EVENT, (event) => this.useStudent(event.detail), { once: true });
      this.body.append(this.studentForm());
      return;
    }
    await this.load();
    // Matrices and the answer grid scroll sideways on a phone: keyboard users need to reach them too.
    this.refreshScrollers = makeScrollersFocusable(this.el);
  }

  ignoredSeedNote() {
    return make('p', 'exercise-seed-ignored',
      `The seed in this page's address (${this.ignoredSeed}) is not used: your course gives each student their own numbers, made from their name or ID.`);
  }

  studentForm() {
    const form = make('form', 'exercise-student');
    const label = make('label', null, 'Your name or student ID');
    const input = make('input');
    input.type = 'text';
    input.maxLength = 64;
    input.autocomplete = 'off';
    input.id = `student-${this.id}`;
    label.htmlFor = input.id;
    const button = make('button', null, 'Get my numbers');
    button.type = 'submit';
    const note = make('p', 'exercise-student-note',
      'Your course gives each student their own numbers, made from your name or ID. It stays in this browser.');
    const error = make('p', 'exercise-error');
    error.hidden = true;
    error.id = `student-error-${this.id}`;
    input.setAttribute('aria-describedby', error.id);
    form.append(note, label, input, button, error);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const student = input.value.trim();
      if (student === '' || student.length > 64) {
        error.hidden = false;
        error.textContent = student === '' ? 'Type your name or student ID first.' : 'At most 64 characters, please.';
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      storeStudent(student);
      document.dispatchEvent(new CustomEvent(STUDENT_EVENT, { detail: student }));
    });
    return form;
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
    const key = this.key ? `&key=${encodeURIComponent(this.key)}` : '';
    if (this.seed !== null && this.seed !== undefined) return `seed=${encodeURIComponent(this.seed)}${key}`;
    if (this.student) return `student=${encodeURIComponent(this.student)}${key}`;
    return key.slice(1);
  }

  url(path) {
    return `${base()}/api/exercises/${encodeURIComponent(this.id)}${path}`;
  }

  async load() {
    const { ok, body } = await getJson(this.url(`?${this.query()}`));
    this.body.textContent = '';
    if (!ok) {
      this.body.append(make('p', 'exercise-error', `This exercise could not be loaded: ${body.error}`));
      return;
    }
    this.exercise = body;
    this.seed = String(body.seed);
    if (body.student) this.student = body.student;   // the name as the server reads it, spaces tidied
    this.hintsShown = 0;
    this.render();
  }

  render() {
    const ex = this.exercise;
    this.body.append(this.seedLine());
    const prompt = make('div', 'exercise-prompt');
    for (const paragraph of ex.prompt) prompt.append(richText('p', null, paragraph));
    if (ex.given.length > 0) {
      const row = make('div', 'matrix-row');
      for (const table of ex.given) row.append(matrixTable(table));
      prompt.append(row);
    }
    this.body.append(prompt, this.answerForm());
    this.feedback = make('div', 'exercise-feedback');
    this.feedback.setAttribute('role', 'status');
    this.feedback.setAttribute('aria-live', 'polite');
    this.hints = make('ol', 'exercise-hints');
    this.hints.hidden = true;
    this.solution = make('div', 'exercise-solution');
    this.solution.hidden = true;
    this.body.append(this.feedback, this.hints, this.solution, this.worksheetLink());
    if (isSolved(this.id)) {
      const again = this.perStudent ? '' : ' Try it with new numbers?';
      this.feedback.append(make('p', 'exercise-solved-before', `You have solved this exercise before.${again}`));
    }
  }

  seedLine() {
    const line = make('p', 'exercise-seed');
    line.append('Numbers no. ', make('strong', null, this.seed));
    if (this.pinnedSeed === this.seed) line.append(' (set by your link)');
    else if (this.classSeed === this.seed) line.append(" (your class's numbers)");
    else if (this.student && !this.pinnedSeed && (this.perStudent || storedSeed(this.id) === null)) line.append(` (for ${this.student})`);
    const link = make('a', null, 'link to these numbers');
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
    const line = make('p', 'exercise-worksheet');
    if (!slug) return line;
    const link = make('a', null, "Print this chapter's exercises as a worksheet");
    const sheet = this.perStudent ? `student=${encodeURIComponent(this.student)}` : `seed=${encodeURIComponent(this.seed)}`;
    link.href = `${base()}/worksheets/${encodeURIComponent(slug)}?${sheet}`;
    line.append(link);
    return line;
  }

  answerForm() {
    const form = this.exercise.answer;
    const element = make('form', 'exercise-answer');
    element.noValidate = true;
    const fieldset = make('fieldset');
    const legend = make('legend');
    legend.append(`Your answer: ${form.name} `, make('span', 'matrix-shape', `${form.rows}×${form.cols}`));
    fieldset.append(legend);
    const instruction = form.minusInfinity ? `${form.instruction} Type -inf for a hidden cell (−∞).` : form.instruction;
    fieldset.append(make('p', 'exercise-rounding', instruction));
    const table = make('table', 'answer-table');
    if (form.type !== 'number') table.append(headerRow(form.colLabels));
    const body = make('tbody');
    this.inputs = [];
    for (let r = 0; r < form.rows; r++) {
      const tr = make('tr');
      const th = make('th', null, form.rowLabels[r]);
      th.scope = 'row';
      tr.append(th);
      const row = [];
      for (let c = 0; c < form.cols; c++) {
        const td = make('td');
        const input = make('input', 'answer-input');
        if (form.minusInfinity) {
          input.type = 'text';
          input.inputMode = 'text';
          input.autocomplete = 'off';
          input.spellcheck = false;
        } else {
          input.type = 'number';
          input.step = 'any';
          input.inputMode = 'decimal';
        }
        input.setAttribute('aria-label', this.cellLabel(r, c));
        input.dataset.row = String(r);
        input.dataset.col = String(c);
        input.addEventListener('input', () => this.clearMark(input));
        td.append(input);
        tr.append(td);
        row.push(input);
      }
      body.append(tr);
      this.inputs.push(row);
    }
    table.append(body);
    fieldset.append(table);
    element.append(fieldset);

    const buttons = make('div', 'exercise-buttons');
    const check = make('button', 'check-button', 'Check');
    check.type = 'submit';
    this.hintButton = make('button', 'hint-button', this.hintLabel());
    this.hintButton.type = 'button';
    this.hintButton.disabled = this.exercise.hints === 0;
    this.hintButton.addEventListener('click', () => this.nextHint());
    this.solutionButton = make('button', 'solution-button', 'Show solution');
    this.solutionButton.type = 'button';
    this.solutionButton.setAttribute('aria-expanded', 'false');
    this.solutionButton.addEventListener('click', () => this.toggleSolution());
    this.solutionButton.hidden = !this.exercise.solutionAvailable;   // a course may keep solutions for its instructors
    const fresh = make('button', 'new-numbers', 'New numbers');
    fresh.type = 'button';
    fresh.addEventListener('click', () => this.newNumbers());
    buttons.append(check, this.hintButton, this.solutionButton);
    if (!this.perStudent) buttons.append(fresh);   // a student's own numbers stay theirs
    element.append(buttons);
    element.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check();
    });
    return element;
  }

  cellLabel(r, c) {
    const form = this.exercise.answer;
    if (form.type === 'number') return form.name;
    if (form.type === 'vector') return `${form.name}, entry ${c + 1} (${form.colLabels[c]})`;
    return `${form.name}, row ${r + 1} (${form.rowLabels[r]}), column ${c + 1} (${form.colLabels[c]})`;
  }

  cellName(r, c) {
    const form = this.exercise.answer;
    if (form.type === 'number') return 'The answer';
    if (form.type === 'vector') return `Column ${c + 1}`;
    return `Row ${r + 1}, column ${c + 1}`;
  }

  hintLabel() {
    const total = this.exercise.hints;
    if (this.hintsShown >= total) return 'No more hints';
    return this.hintsShown === 0 ? `Hint (1 of ${total})` : `Next hint (${this.hintsShown + 1} of ${total})`;
  }

  clearMark(input) {
    input.removeAttribute('aria-invalid');
    input.closest('td')?.classList.remove('cell-wrong', 'cell-right', 'cell-invalid');
  }

  clearMarks() {
    this.inputs.flat().forEach((input) => this.clearMark(input));
  }

  /** The typed answer, or a message naming the first cell that is not a number. */
  readAnswer() {
    const form = this.exercise.answer;
    const rows = [];
    for (const row of this.inputs) {
      const values = [];
      for (const input of row) {
        const r = Number(input.dataset.row);
        const c = Number(input.dataset.col);
        const text = input.value.trim();
        if (input.validity.badInput) return { problem: `${this.cellName(r, c)} is not a number.`, input };
        if (text === '') return { problem: `${this.cellName(r, c)} is empty: fill in every cell.`, input };
        if (form.minusInfinity && MINUS_INFINITY.test(text)) {
          values.push('-inf');
        } else if (NUMBER.test(text)) {
          values.push(Number(text.replace('−', '-')));
        } else {
          const also = form.minusInfinity ? ' (or -inf for a hidden cell)' : '';
          return { problem: `${this.cellName(r, c)} must be a number${also}, not “${text}”.`, input };
        }
      }
      rows.push(values);
    }
    return { answer: rows };
  }

  showProblem(message, input) {
    this.feedback.textContent = '';
    this.feedback.className = 'exercise-feedback feedback-problem';
    this.feedback.append(make('p', null, message));
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.closest('td')?.classList.add('cell-invalid');
      input.focus();
    }
  }

  async check() {
    this.clearMarks();
    const read = this.readAnswer();
    if (read.problem) {
      this.showProblem(read.problem, read.input);
      return;
    }
    const { ok, body } = await getJson(this.url('/check'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ seed: Number(this.seed), answer: read.answer }),
    });
    if (!ok) {
      const input = body.row && body.col ? this.inputs[body.row - 1]?.[body.col - 1] : null;
      this.showProblem(body.error, input);
      return;
    }
    this.showVerdict(body);
  }

  showVerdict(verdict) {
    this.feedback.textContent = '';
    this.feedback.className = `exercise-feedback ${verdict.correct ? 'feedback-correct' : 'feedback-wrong'}`;
    this.feedback.append(make('p', 'verdict', verdict.message));
    const wrong = new Set(verdict.wrongCells.map((cell) => `${cell.row},${cell.col}`));
    for (const input of this.inputs.flat()) {
      const isWrong = wrong.has(`${input.dataset.row},${input.dataset.col}`);
      input.closest('td')?.classList.add(isWrong ? 'cell-wrong' : 'cell-right');
      if (isWrong) input.setAttribute('aria-invalid', 'true');
    }
    for (const diagnosis of verdict.diagnoses) {
      const p = richText('p', 'diagnosis', diagnosis.text);
      p.dataset.mistake = diagnosis.key;
      p.prepend(make('strong', null, 'Likely mistake: '));
      this.feedback.append(p);
    }
    for (const note of verdict.notes) this.feedback.append(make('p', 'note', note));
    if (verdict.correct) {
      markSolved(chapterSlug(), this.id);
      this.feedback.append(make('p', 'solved-note', 'Solved: the chapter list marks it, in this browser.'));
    }
  }

  async nextHint() {
    if (this.hintsShown >= this.exercise.hints) return;
    const step = this.hintsShown + 1;
    const { ok, body } = await getJson(this.url(`/hints?seed=${encodeURIComponent(this.seed)}&step=${step}`));
    if (!ok) {
      this.showProblem(`The hint could not be loaded: ${body.error}`);
      return;
    }
    this.hintsShown = step;
    this.hints.hidden = false;
    const item = stepNode(body.hint, 'li');
    item.tabIndex = -1;
    this.hints.append(item);
    this.hintButton.textContent = this.hintLabel();
    this.hintButton.disabled = this.hintsShown >= this.exercise.hints;
    this.refreshScrollers?.();
    if (this.hintButton.disabled) item.focus();
  }

  async toggleSolution() {
    if (!this.solution.hidden) {
      this.solution.hidden = true;
      this.solutionButton.textContent = 'Show solution';
      this.solutionButton.setAttribute('aria-expanded', 'false');
      return;
    }
    if (this.solution.childElementCount === 0) {
      const { ok, body } = await getJson(this.url(`/solution?${this.query()}`));
      if (!ok) {
        this.showProblem(`The solution could not be loaded: ${body.error}`);
        return;
      }
      this.solution.append(make('h4', null, 'Worked solution'));
      const steps = make('ol', 'solution-steps');
      for (const step of body.steps) steps.append(stepNode(step, 'li'));
      this.solution.append(steps);
      const last = body.steps[body.steps.length - 1];
      const answer = make('div', 'matrix-row solution-answer');
      answer.append(matrixTable(body.answer));
      // Most solutions end on the answer's own table; the others get it here.
      if (!last?.table) this.solution.append(make('p', null, 'The answer:'), answer);
      else steps.lastElementChild.querySelector('.matrix-row')?.classList.add('solution-answer');
    }
    this.solution.hidden = false;
    this.refreshScrollers?.();
    this.solutionButton.textContent = 'Hide solution';
    this.solutionButton.setAttribute('aria-expanded', 'true');
  }

  async newNumbers() {
    this.seed = String(randomSeed());
    this.pinnedSeed = null;
    storeSeed(this.id, this.seed);
    await this.load();
    this.refreshScrollers?.();
    this.body.querySelector('.answer-input')?.focus();
  }
}
