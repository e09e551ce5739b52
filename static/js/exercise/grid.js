// The answer grid: one labelled input a cell of the answer, read back as numbers (or −∞ where the
// exercise allows a hidden cell), and marked right, wrong or unreadable cell by cell.
import { el, tableHead, tableRow } from '../dom.js';

const MINUS_INFINITY = /^\s*[-−](inf|infinity|∞)\s*$/i;
const NUMBER = /^\s*[-−+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

export class AnswerGrid {
  /** form: the API's answer form { name, type, rows, cols, rowLabels, colLabels, instruction, minusInfinity }. */
  constructor(form) {
    this.form = form;
    this.inputs = [];
  }

  /** The <fieldset> with its legend, the rounding instruction and the table of inputs. */
  render() {
    const form = this.form;
    const fieldset = el('fieldset');
    const legend = el('legend');
    legend.append(`Your answer: ${form.name} `, el('span', 'matrix-shape', `${form.rows}×${form.cols}`));
    const instruction = form.minusInfinity ? `${form.instruction} Type -inf for a hidden cell (−∞).` : form.instruction;
    fieldset.append(legend, el('p', 'exercise-rounding', instruction));
    // six or more columns get narrower inputs, so a whole row still fits the text column of a desktop page
    const table = el('table', form.cols >= 6 ? 'answer-table answer-table-wide' : 'answer-table');
    if (form.type !== 'number') table.append(tableHead(form.colLabels, true));
    const body = el('tbody');
    this.inputs = [];
    for (let r = 0; r < form.rows; r++) {
      const row = [];
      for (let c = 0; c < form.cols; c++) row.push(this.input(r, c));
      body.append(tableRow(form.rowLabels[r], row.map((input) => {
        const td = el('td');
        td.append(input);
        return td;
      })));
      this.inputs.push(row);
    }
    table.append(body);
    fieldset.append(table);
    return fieldset;
  }

  input(r, c) {
    const input = el('input', 'answer-input');
    if (this.form.minusInfinity) {
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
    input.addEventListener('input', () => clearMark(input));
    return input;
  }

  cellLabel(r, c) {
    const form = this.form;
    if (form.type === 'number') return form.name;
    if (form.type === 'vector') return `${form.name}, entry ${c + 1} (${form.colLabels[c]})`;
    return `${form.name}, row ${r + 1} (${form.rowLabels[r]}), column ${c + 1} (${form.colLabels[c]})`;
  }

  cellName(r, c) {
    const form = this.form;
    if (form.type === 'number') return 'The answer';
    if (form.type === 'vector') return `Column ${c + 1}`;
    return `Row ${r + 1}, column ${c + 1}`;
  }

  /** The input of row and col counted from 1, as the server names cells; undefined when there is none. */
  cell(row, col) {
    return row && col ? this.inputs[row - 1]?.[col - 1] : undefined;
  }

  first() {
    return this.inputs[0]?.[0];
  }

  clearMarks() {
    this.inputs.flat().forEach(clearMark);
  }

  /** The typed answer, or a message naming the first cell that is not a number. */
  read() {
    const rows = [];
    for (const row of this.inputs) {
      const values = [];
      for (const input of row) {
        const r = Number(input.dataset.row);
        const c = Number(input.dataset.col);
        const text = input.value.trim();
        if (input.validity.badInput) return { problem: `${this.cellName(r, c)} is not a number.`, input };
        if (text === '') return { problem: `${this.cellName(r, c)} is empty: fill in every cell.`, input };
        const value = cellValue(text, this.form.minusInfinity);
        if (value === null) {
          const also = this.form.minusInfinity ? ' (or -inf for a hidden cell)' : '';
          return { problem: `${this.cellName(r, c)} must be a number${also}, not “${text}”.`, input };
        }
        values.push(value);
      }
      rows.push(values);
    }
    return { answer: rows };
  }

  /** Marks every cell right or wrong; wrongCells as the server sends them, { row, col } counted from 0. */
  markVerdict(wrongCells) {
    const wrong = new Set(wrongCells.map((cell) => `${cell.row},${cell.col}`));
    for (const input of this.inputs.flat()) {
      const isWrong = wrong.has(`${input.dataset.row},${input.dataset.col}`);
      input.closest('td')?.classList.add(isWrong ? 'cell-wrong' : 'cell-right');
      if (isWrong) input.setAttribute('aria-invalid', 'true');
    }
  }
}

/** A cell's trimmed text as the API takes it: a number, '-inf' where minusInfinity allows a hidden cell, else null. */
export function cellValue(text, minusInfinity) {
  if (minusInfinity && MINUS_INFINITY.test(text)) return '-inf';
  return NUMBER.test(text) ? Number(text.replace('−', '-')) : null;
}

/** An input the learner could not enter as a number: flagged and focused. */
export function markInvalid(input) {
  input.setAttribute('aria-invalid', 'true');
  input.closest('td')?.classList.add('cell-invalid');
  input.focus();
}

export function clearMark(input) {
  input.removeAttribute('aria-invalid');
  input.closest('td')?.classList.remove('cell-wrong', 'cell-right', 'cell-invalid');
}
