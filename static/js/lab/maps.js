// Every head's attention map as a grid of cells: the heat colour of the weight, its number when the
// reader asks for numbers, and a label naming both tokens and the weight ("token 5 '3' attends to
// token 2 '1': 0.82") that hovering or keyboard focus shows. One tab stop a map; arrows move inside.

import { el } from '../dom.js';
import { formatNumber, heatClass } from '../matrix.js';
import { previousTokenScore, inductionScore } from './phases.js';

const HEAT = /\bheat-w-\d+\b/;

export function cellLabel(tokens, row, col, weight) {
  if (col > row) return `token ${row + 1} '${tokens[row]}' cannot see token ${col + 1} '${tokens[col]}' (masked)`;
  return `token ${row + 1} '${tokens[row]}' attends to token ${col + 1} '${tokens[col]}': ${formatNumber(weight, 2)}`;
}

function scoreText(weights, tokens) {
  const induction = inductionScore(weights, tokens);
  return `previous-token score ${formatNumber(previousTokenScore(weights), 2)}`
    + (induction === null ? '' : `, induction score ${formatNumber(induction, 2)}`);
}

/**
 * A set of maps that can be shown again with new weights for the same tokens.
 * options: { idPrefix, readout (element saying the hovered or focused cell), numbers (bool) }
 */
export class AttentionMaps {
  constructor(container, options) {
    this.container = container;
    this.options = options;
    this.shape = '';
  }

  setNumbers(numbers) {
    this.options.numbers = numbers;
    this.container.classList.toggle('lab-maps-numbers', numbers);
    if (this.last) this.show(this.last.tokens, this.last.layers);
  }

  /** tokens: the sequence's token texts; layers[l][h]: T×T weights. */
  show(tokens, layers) {
    this.last = { tokens, layers };
    const shape = `${tokens.join('\u0000')}|${layers.map((heads) => heads.length).join(',')}`;
    if (shape !== this.shape) this.build(tokens, layers);
    this.shape = shape;
    layers.forEach((heads, l) => heads.forEach((weights, h) => {
      const map = this.maps[l][h];
      map.score.textContent = scoreText(weights, tokens);
      map.cells.forEach((row, i) => row.forEach((cell, j) => {
        const w = j <= i ? weights[i][j] : null;
        cell.className = cell.className.replace(HEAT, '').trim();
        if (w !== null) cell.classList.add(heatClass(w, 'weights'));
        cell.classList.toggle('lab-masked', w === null);
        cell.dataset.value = w === null ? '' : String(w);
        cell.setAttribute('aria-label', cellLabel(tokens, i, j, w));
        cell.textContent = this.options.numbers && w !== null ? formatNumber(w, 2) : '';
        if (document.activeElement === cell) this.say(cell);
      }));
    }));
  }

  build(tokens, layers) {
    this.maps = [];
    const grid = el('div', 'lab-map-grid');
    layers.forEach((heads, l) => {
      this.maps.push([]);
      heads.forEach((_, h) => {
        const figure = el('figure', 'lab-map');
        figure.dataset.layer = String(l + 1);
        figure.dataset.head = String(h + 1);
        const captionId = `${this.options.idPrefix}-l${l + 1}h${h + 1}`;
        const caption = el('figcaption');
        caption.id = captionId;
        const score = el('span', 'lab-map-score');
        caption.append(el('span', 'lab-map-name', `Layer ${l + 1}, head ${h + 1}`), ' ', score);
        const table = el('table', 'lab-map-table');
        table.setAttribute('role', 'grid');
        table.setAttribute('aria-labelledby', captionId);
        const head = el('tr');
        head.append(el('td', 'lab-corner'));
        tokens.forEach((t, j) => {
          const th = el('th', null, t);
          th.scope = 'col';
          th.setAttribute('aria-label', `token ${j + 1} '${t}'`);
          head.append(th);
        });
        const thead = el('thead');
        thead.append(head);
        const body = el('tbody');
        const cells = tokens.map((t, i) => {
          const row = el('tr');
          const th = el('th', null, t);
          th.scope = 'row';
          th.setAttribute('aria-label', `token ${i + 1} '${t}'`);
          row.append(th);
          const rowCells = tokens.map((_, j) => {
            const td = el('td', 'lab-cell');
            td.setAttribute('role', 'gridcell');
            td.tabIndex = i === 0 && j === 0 ? 0 : -1;
            td.dataset.row = String(i);
            td.dataset.col = String(j);
            row.append(td);
            return td;
          });
          body.append(row);
          return rowCells;
        });
        table.append(thead, body);
        this.listen(table, cells);
        const scroller = el('div', 'lab-map-scroll');
        scroller.append(table);
        figure.append(caption, scroller);
        grid.append(figure);
        this.maps[l].push({ score, cells });
      });
    });
    this.container.replaceChildren(grid);
  }

  listen(table, cells) {
    const size = cells.length;
    // pointermove, not mouseover: Chromium sends mouseover when a keyboard scroll moves a cell under a still
    // pointer, which would replace the focused cell's read-out with whatever happens to lie under it
    table.addEventListener('pointermove', (e) => {
      const cell = e.target.closest('.lab-cell');
      if (cell && cell !== this.hovered) {
        this.hovered = cell;
        this.say(cell);
      }
    });
    table.addEventListener('focusin', (e) => {
      if (e.target.classList.contains('lab-cell')) this.say(e.target);
    });
    table.addEventListener('keydown', (e) => {
      const cell = e.target.closest('.lab-cell');
      if (!cell) return;
      let i = Number(cell.dataset.row);
      let j = Number(cell.dataset.col);
      const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (moves[e.key]) {
        i = Math.max(0, Math.min(size - 1, i + moves[e.key][0]));
        j = Math.max(0, Math.min(size - 1, j + moves[e.key][1]));
      } else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = size - 1;
      else return;
      e.preventDefault();
      cell.tabIndex = -1;
      cells[i][j].tabIndex = 0;
      cells[i][j].focus();
    });
  }

  say(cell) {
    if (this.options.readout) this.options.readout.textContent = cell.getAttribute('aria-label');
  }
}
