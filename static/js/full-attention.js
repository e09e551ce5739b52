// A whole attention layer worked by hand (the full-attention exercise): one grid a step, from Q to the
// output, checked together with error carried forward. Each step is marked correct, correct given the
// learner's earlier answers (a calmer colour, naming the step to revisit), or wrong with its cells and
// any named mistake; a summary says how many were right outright and which step to redo first. The
// output grid is the exercise's ordinary answer, so an output checked alone is checked as any answer.
import { el as make, tableHead } from './dom.js';
import { getJson, postJson } from './api.js';
import { richText, matrixTable } from './exercise/text.js';
import { cellValue, clearMark } from './exercise/grid.js';
import { markSolved, chapterSlug } from './progress.js';

const VERDICT_TEXT = {
  correct: 'Correct',
  'carried-forward': 'Correct given your earlier answers',
  wrong: 'Not yet',
};

/** Mounts a whole-layer exercise: the page's ordinary exercise, with a grid for every step before the output. */
export function mountSteps(el, Exercise) {
  class LayerExercise extends Exercise {
    async load() {
      let body = null;
      try {
        body = await getJson(this.path(`/steps?${this.query()}`));
      } catch (err) {
        // the ordinary exercise still loads and says what is wrong; without step forms only the output is asked
      }
      this.stepForms = body ? body.steps.filter((s) => s.key !== 'output') : [];
      this.heads = body ? body.heads : 1;
      await super.load();
    }

    answerForm() {
      const element = super.answerForm();
      const outputSet = element.querySelector('fieldset');
      this.steps = new Map();
      for (const form of this.stepForms) {
        element.insertBefore(this.stepFieldset(form), outputSet);
      }
      outputSet.classList.add('layer-step');
      outputSet.dataset.step = 'output';
      const mark = make('p', 'step-mark');
      mark.hidden = true;
      outputSet.append(mark);
      this.outputMark = mark;
      return element;
    }

    stepFieldset(form) {
      const fieldset = make('fieldset', 'layer-step');
      fieldset.dataset.step = form.key;
      const legend = make('legend');
      legend.append(`${form.title} `, make('span', 'matrix-shape', `${form.rows}×${form.cols}`));
      fieldset.append(legend);
      const grids = [];
      for (let h = 0; h < form.grids; h++) {
        const table = make('table', 'answer-table');
        if (form.grids > 1) table.append(make('caption', null, `head ${h + 1}`));
        table.append(tableHead(form.colLabels, true));
        const body = make('tbody');
        const rows = [];
        for (let r = 0; r < form.rows; r++) {
          const tr = make('tr');
          const th = make('th', null, form.rowLabels[r]);
          th.scope = 'row';
          tr.append(th);
          const row = [];
          for (let c = 0; c < form.cols; c++) {
            const td = make('td');
            const input = make('input', 'step-input');
            input.type = 'text';
            input.inputMode = form.minusInfinity ? 'text' : 'decimal';
            input.autocomplete = 'off';
            input.spellcheck = false;
            const head = form.grids > 1 ? `head ${h + 1}, ` : '';
            input.setAttribute('aria-label', `${form.title}, ${head}row ${r + 1}, column ${c + 1}`);
            input.addEventListener('input', () => this.clearMark(input));
            td.append(input);
            tr.append(td);
            row.push(input);
          }
          body.append(tr);
          rows.push(row);
        }
        table.append(body);
        const scroller = make('div', 'layer-grid');
        scroller.append(table);
        fieldset.append(scroller);
        grids.push(rows);
      }
      const rounding = form.exact ? 'Whole numbers.' : `Round to ${form.decimals} decimal places.`;
      fieldset.append(make('p', 'exercise-rounding', form.minusInfinity ? `${rounding} Type -inf for a hidden cell.` : rounding));
      const mark = make('p', 'step-mark');
      mark.hidden = true;
      fieldset.append(mark);
      this.steps.set(form.key, { form, grids, mark, fieldset });
      return fieldset;
    }

    clearMark(input) {
      clearMark(input);
      input.closest('td')?.classList.remove('cell-carried');
    }

    /** A step's grids as numbers, null when the step is left empty, or a problem naming the first bad cell. */
    readStep(step) {
      const inputs = step.grids.flat(2);
      if (inputs.every((i) => i.value.trim() === '')) return { grids: null };
      for (const input of inputs) {
        const text = input.value.trim();
        const name = input.getAttribute('aria-label');
        if (text === '') return { problem: `${name} is empty: fill in every cell of a step, or leave the whole step empty.`, input };
        if (cellValue(text, step.form.minusInfinity) === null) {
          return { problem: `${name} must be a number${step.form.minusInfinity ? ' (or -inf)' : ''}, not “${text}”.`, input };
        }
      }
      const grids = step.grids.map((rows) => rows.map((row) => row.map((input) => cellValue(input.value.trim(), step.form.minusInfinity))));
      return { grids: this.heads > 1 && step.form.grids > 1 ? grids : grids[0] };
    }

    async check() {
      this.grid.clearMarks();
      this.steps.forEach((step) => step.grids.flat(2).forEach((input) => this.clearMark(input)));
      const answers = {};
      for (const [key, step] of this.steps) {
        const read = this.readStep(step);
        if (read.problem) {
          this.showProblem(read.problem, read.input);
          return;
        }
        if (read.grids) answers[key] = read.grids;
      }
      if (Object.keys(answers).length === 0) {
        super.check();   // the output alone: checked as the exercise's answer
        return;
      }
      if (this.grid.inputs.flat().some((input) => input.value.trim() !== '')) {
        const output = this.grid.read();
        if (output.problem) {
          this.showProblem(output.problem, output.input);
          return;
        }
        answers.output = output.answer;
      }
      let report;
      try {
        report = await postJson(this.path('/check'), { seed: Number(this.seed), answers });
      } catch (err) {
        this.showProblem(err.message);
        return;
      }
      this.showMarks(report, answers);
    }

    showMarks(report, answers) {
      this.lastAnswers = answers;
      const marks = Object.values(report.steps);
      const wrong = marks.some((m) => m.verdict === 'wrong');
      const carried = marks.some((m) => m.verdict === 'carried-forward');
      this.feedback.textContent = '';
      this.feedback.className = `exercise-feedback ${wrong ? 'feedback-wrong' : carried ? 'feedback-carried' : 'feedback-correct'}`;
      const summary = make('p', 'verdict layer-summary', `${wrong || carried ? 'Not yet' : 'Correct'}: ${report.summary.text}`);
      this.feedback.append(summary);
      for (const [key, mark] of Object.entries(report.steps)) {
        const step = key === 'output' ? { grids: [this.grid.inputs], mark: this.outputMark, form: { title: 'output' } } : this.steps.get(key);
        this.showMark(key, step, mark);
      }
      this.showRecordError(report);
      if (!wrong && !carried && report.steps.output) markSolved(chapterSlug(), this.id);
      this.refreshScrollers?.();
    }

    showMark(key, step, mark) {
      const wrongCells = new Set(mark.wrongCells.map((c) => `${c.head},${c.row},${c.col}`));
      step.grids.forEach((rows, h) => rows.forEach((row, r) => row.forEach((input, c) => {
        const td = input.closest('td');
        if (wrongCells.has(`${h},${r},${c}`)) {
          td.classList.add('cell-wrong');
          input.setAttribute('aria-invalid', 'true');
        } else {
          td.classList.add(mark.verdict === 'carried-forward' ? 'cell-carried' : 'cell-right');
        }
      })));
      const line = step.mark;
      line.textContent = '';
      line.hidden = false;
      line.className = `step-mark mark-${mark.verdict}`;
      line.dataset.verdict = mark.verdict;
      line.append(make('strong', null, `${VERDICT_TEXT[mark.verdict]}. `), mark.verdict === 'correct' ? '' : mark.message);
      for (const diagnosis of mark.diagnoses) {
        const p = richText('span', 'diagnosis', diagnosis.text);
        p.dataset.mistake = diagnosis.key;
        p.prepend(make('strong', null, ' Likely mistake: '));
        line.append(p);
      }
      if (mark.verdict !== 'correct' && this.data.solutionAvailable) line.append(' ', this.workButton(key));
    }

    /** "Work this step from my grids": the step's worked solution, starting from the learner's own earlier grids. */
    workButton(key) {
      const button = make('button', 'work-button', 'Show this step worked from your grids');
      button.type = 'button';
      button.addEventListener('click', async () => {
        const work = make('div', 'step-work');
        work.tabIndex = -1;
        let body = null;
        try {
          body = await postJson(this.path(`/steps/${key}/solution`),
            { seed: Number(this.seed), answers: this.lastAnswers });
        } catch (err) {
          work.append(make('p', 'exercise-error', err.message));
        }
        if (body) {
          for (const step of body.steps) {
            work.append(richText('p', null, step.text));
            if (step.lines.length > 0) work.append(make('pre', 'worked-lines', step.lines.join('\n')));
            if (step.table) {
              const row = make('div', 'matrix-row');
              row.append(matrixTable(step.table));
              work.append(row);
            }
          }
        }
        button.replaceWith(work);
        this.refreshScrollers?.();
        work.focus();
      });
      return button;
    }
  }
  new LayerExercise(el).start();
}
