// online-softmax: one row of scores read a tile at a time. After each tile: the running max m, the
// factor e^(m − m′) that rescales what was accumulated, the running sum ℓ and the partial output
// o / ℓ, each with its arithmetic; at the end o / ℓ is softmax(s)·V. Numbers from POST /api/online-softmax.
// State: {"scores": [1 … 12 numbers], "values": T×d_v (d_v 1 … 4), "tile": 1 … T}
import { startWidget } from '../widget.js';
import { el, tableHead, tableRow } from '../dom.js';
import { postJson } from '../api.js';
import { dims, DIGITS, isCount } from '../attention.js';
import { formatNumber, largestMagnitude, placeMatrix } from '../matrix.js';

const f = (x) => (x === null ? '−∞' : formatNumber(x, 4));

export function mount(element) {
  const build = (host) => {
    const s = host.state;
    if (!host.controls.hasChildNodes()) {
      const label = el('label', 'widget-field', 'tile size ');
      const input = el('input');
      Object.assign(input, { type: 'number', min: '1', step: '1' });
      input.dataset.field = 'tile';
      input.addEventListener('input', () => {
        const value = input.valueAsNumber;
        const ok = isCount(value, host.state.scores.length);
        input.setAttribute('aria-invalid', String(!ok));
        if (!ok) host.say(`The tile size must be a whole number from 1 to ${host.state.scores.length}.`, true);
        else host.change((st) => { st.tile = value; });
      });
      label.append(input);
      host.controls.append(label);
      host.body.append(el('div', 'matrix-row online-inputs'), el('div', 'widget-scroll online-table'), el('ol', 'online-explain'),
        el('p', 'online-result'));
      host.body.querySelector('.online-result').setAttribute('aria-live', 'polite');
    }
    const tile = host.controls.querySelector('input[data-field="tile"]');
    tile.max = String(s.scores.length);
    if (document.activeElement !== tile) tile.value = String(s.tile);
    const row = host.body.querySelector('.online-inputs');
    row.replaceChildren();
    const range = largestMagnitude([s.scores], s.values);
    const edit = (name, change) => ({
      label: (r, c) => (name === 's' ? `score ${c + 1}` : `V row ${r + 1} column ${c + 1}`),
      change: (r, c, value) => {
        if (value === null) {
          host.say(`${name === 's' ? `Score ${c + 1}` : `V row ${r + 1} column ${c + 1}`} needs a number.`, true);
          return;
        }
        host.change((st) => change(st, r, c, value));
      },
    });
    placeMatrix(row, { name: 'scores s', key: 'scores', values: [s.scores], rowLabels: ['s'], colLabels: dims(s.scores.length),
      scale: 'signed', digits: DIGITS, range, edit: edit('s', (st, r, c, v) => { st.scores[c] = v; }) });
    placeMatrix(row, { name: 'V', key: 'values', values: s.values, rowLabels: dims(s.values.length), colLabels: dims(s.values[0].length),
      scale: 'signed', digits: DIGITS, range, edit: edit('V', (st, r, c, v) => { st.values[r][c] = v; }) });
  };

  const show = (host, view) => {
    const table = el('table', 'online-steps');
    const caption = el('caption', null, `Tiles of ${view.tile}: the state after each`);
    table.append(caption, tableHead(['scores', 'm', 'e^(m − m′)', 'ℓ', 'o / ℓ'], true));
    const body = el('tbody');
    view.tiles.forEach((t, i) => {
      const cells = [`${t.from + 1}–${t.to}`, f(t.max), t.previous_max === null ? '—' : f(t.rescale), f(t.sum),
        t.partial ? t.partial.map(f).join(', ') : '—'].map((text) => el('td', null, text));
      body.append(tableRow(`tile ${i + 1}`, cells));
    });
    table.append(body);
    host.body.querySelector('.online-table').replaceChildren(table);
    host.body.querySelector('.online-explain').replaceChildren(...view.tiles.map((t, i) => {
      const item = el('li');
      item.append(el('strong', null, `Tile ${i + 1} (scores ${t.from + 1}–${t.to}): `),
        `m′ = ${f(t.max)}; ${t.rescale_text}; ${t.sum_text}; ${t.output_text}.`);
      return item;
    }));
    host.body.querySelector('.online-result').textContent = `After the last tile o / ℓ = ${view.output.map(f).join(', ')}; `
      + `softmax(s)·V computed in one go = ${view.expected.map(f).join(', ')}.`;
  };

  return startWidget(element, {
    label: 'Online softmax widget',
    check: (state) => Object.keys(state).sort().join() === 'scores,tile,values' && Array.isArray(state.scores)
      && state.scores.length >= 1 && state.scores.length <= 12 && state.scores.every(Number.isFinite)
      && Array.isArray(state.values) && state.values.length === state.scores.length
      && state.values.every((r) => Array.isArray(r) && r.length === state.values[0].length && r.length <= 4 && r.every(Number.isFinite))
      && isCount(state.tile, state.scores.length),
    build,
    compute: (state) => postJson('/api/online-softmax', state),
    show,
  });
}
