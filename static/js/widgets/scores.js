// scores: Q·Kᵀ with the transpose in plain sight. Focusing or clicking a score highlights the row
// of Q and the column of Kᵀ whose dot product it is; Enter or a click explains it.
// State: {"preset": "journey" | "hand4" | null, "tokens": [T words], "x": T×d_model,
//         "wq", "wk", "wv": d_model×width, "selected": [row, column] from 1, or null}
import { startWidget } from '../widget.js';
import { noteAfter } from '../dom.js';
import { checkAttention, dims, group, inputsGroup, isCount, placeComputed, runAttention } from '../attention.js';
import { largestMagnitude } from '../matrix.js';

const transpose = (m) => m[0].map((_, c) => m.map((row) => row[c]));

export function mount(element) {
  let grids = null; // the three tables, for highlighting

  const build = (host) => {
    const s = host.state;
    inputsGroup(host, host.body, [
      { field: 'x', name: 'X', rowLabels: s.tokens }, { field: 'wq', name: 'Wq' }, { field: 'wk', name: 'Wk' },
    ]);
  };

  const highlight = (host) => {
    if (!grids) return;
    for (const cell of grids.all.querySelectorAll('.is-selected')) cell.classList.remove('is-selected');
    const picked = host.state.selected;
    const line = grids.all.parentElement.querySelector('.widget-note');
    if (!picked) {
      line.textContent = 'Pick a score (focus it or click it) to see which row of Q and which column of Kᵀ it multiplies.';
      return;
    }
    const [i, j] = [picked[0] - 1, picked[1] - 1];
    for (const td of grids.q.querySelectorAll(`td[data-row="${i}"]`)) td.classList.add('is-selected');
    for (const td of grids.kt.querySelectorAll(`td[data-col="${j}"]`)) td.classList.add('is-selected');
    grids.scores.querySelector(`td[data-row="${i}"][data-col="${j}"]`)?.classList.add('is-selected');
    const tokens = host.state.tokens;
    line.textContent = `Score row ${i + 1}, column ${j + 1}: row ${i + 1} of Q (${tokens[i]}) times column ${j + 1} of Kᵀ (${tokens[j]}), `
      + 'multiplied entry by entry and added up.';
  };

  const show = (host, answer) => {
    const s = host.state;
    const row = group(host.body, 'scores', 'Scores = Q·Kᵀ');
    const k = answer.k;
    const select = (r, c) => {
      if (s.selected?.[0] === r + 1 && s.selected?.[1] === c + 1) return;
      host.change((state) => { state.selected = [r + 1, c + 1]; }, { recompute: false });
      highlight(host);
    };
    const range = largestMagnitude(answer.q, k); // Q and Kᵀ on one scale
    grids = {
      all: row,
      q: placeComputed(host, row, { name: 'Q = X·Wq', key: 'q', values: answer.q, rowLabels: s.tokens, colLabels: dims(answer.q[0].length),
        step: 'q', range }),
      kt: placeComputed(host, row, { name: 'Kᵀ', key: 'kt', values: transpose(k), rowLabels: dims(k[0].length), colLabels: s.tokens,
        step: 'k', at: (r, c) => [c, r], range }),
      scores: placeComputed(host, row, { name: 'scores Q·Kᵀ', key: 'scores', values: answer.heads[0].scores, rowLabels: s.tokens,
        colLabels: s.tokens, step: 'scores', select }),
    };
    noteAfter(row, '').setAttribute('aria-live', 'polite');
    highlight(host);
  };

  return startWidget(element, {
    label: 'Scores widget',
    check: (state, chapter) => checkAttention(state, chapter) && (state.selected === null
      || (Array.isArray(state.selected) && state.selected.length === 2 && state.selected.every((n) => isCount(n, state.x.length)))),
    build,
    compute: runAttention,
    show,
  });
}
