// scaling: why the scores are divided by √d_k. The core draws q and k with d_k standard-normal
// components (seeded, so a link shows the same draws) and the histograms show q·k spreading out like
// √d_k, while q·k/√d_k keeps a spread of about 1; one row of six scores goes through softmax with
// and without the division. Every number comes from POST /api/scaling.
// State: {"dk": 1 … 1024, "samples": 6 … 10000, "seed": 0 … 2^48}
import { startWidget } from '../widget.js';
import { el, tableHead, tableRow } from '../dom.js';
import { postJson } from '../api.js';
import { formatNumber, largestMagnitude, placeMatrix } from '../matrix.js';
import { explainCell } from '../explain.js';

/** The slider's stops: powers of two, so both 4 and 1024 are a few key presses away. */
const STOPS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 400;
const HEIGHT = 100;

export function mount(element) {
  const build = (host) => {
    if (!host.controls.hasChildNodes()) host.controls.append(...controls(host));
    const [slider, number, seed] = host.controls.querySelectorAll('input');
    const stop = STOPS.findLastIndex((v) => v <= host.state.dk);
    slider.value = String(Math.max(0, stop));
    slider.setAttribute('aria-valuetext', `d_k = ${STOPS[Math.max(0, stop)]}`);
    if (document.activeElement !== number) number.value = String(host.state.dk);
    if (document.activeElement !== seed) seed.value = String(host.state.seed);
  };

  const controls = (host) => {
    const dk = el('div', 'widget-field');
    const sliderLabel = el('label', null, 'd_k ');
    const slider = el('input');
    Object.assign(slider, { type: 'range', min: '0', max: String(STOPS.length - 1), step: '1' });
    sliderLabel.append(slider);
    const number = el('input');
    Object.assign(number, { type: 'number', min: '1', max: '1024', step: '1' });
    number.setAttribute('aria-label', 'd_k, typed');
    dk.append(sliderLabel, number);
    slider.addEventListener('input', () => {
      const value = STOPS[slider.valueAsNumber];
      slider.setAttribute('aria-valuetext', `d_k = ${value}`);
      number.value = String(value);
      host.change((s) => { s.dk = value; });
    });
    number.addEventListener('input', () => {
      const value = number.valueAsNumber;
      if (!Number.isInteger(value) || value < 1 || value > 1024) {
        host.say('d_k must be a whole number from 1 to 1024.', true);
        return;
      }
      host.change((s) => { s.dk = value; });
      const stop = STOPS.findLastIndex((v) => v <= value);
      slider.value = String(stop);
      slider.setAttribute('aria-valuetext', `d_k = ${STOPS[stop]}`);
    });
    const seedLabel = el('label', 'widget-field', 'Seed ');
    const seed = el('input');
    Object.assign(seed, { type: 'number', min: '0', step: '1' });
    seedLabel.append(seed);
    seed.addEventListener('input', () => {
      const value = seed.valueAsNumber;
      if (!Number.isInteger(value) || value < 0 || value > 2 ** 48) {
        host.say('The seed must be a whole number from 0 to 281474976710656.', true);
        return;
      }
      host.change((s) => { s.seed = value; });
    });
    return [dk, seedLabel];
  };

  const show = (host, answer) => {
    const body = host.body;
    body.replaceChildren(stats(answer), histograms(answer));
    const row = el('div', 'matrix-row');
    const labels = answer.row.raw.map((_, j) => String(j + 1));
    // Each computed entry explains itself through the softmax endpoint: dividing the drawn scores by
    // √d_k is softmax's s/τ at τ = √d_k. The drawn scores are the row's inputs, as X is elsewhere.
    const tau = Math.sqrt(answer.dk);
    const explain = (temperature, matrix, title) => (r, c, cell) => explainCell(`${title}, entry ${c + 1}`,
      '/api/softmax/explain', { scores: answer.row.raw, temperature, explain: { matrix, col: c } }, cell, 2);
    const rows = [
      ['scores q·k', 'row-raw', answer.row.raw, 'signed', undefined],
      ['softmax without scaling', 'weights-raw', answer.row.weights_raw, 'weights', explain(1, 'weights', 'softmax weight (τ = 1)')],
      ['scores q·k / √d_k', 'row-scaled', answer.row.scaled, 'signed',
        explain(tau, 'divided', `q·k / √d_k (τ = √${answer.dk})`)],
      ['softmax with 1/√d_k', 'weights-scaled', answer.row.weights_scaled, 'weights',
        explain(tau, 'weights', `softmax weight with 1/√d_k (τ = √${answer.dk})`)],
    ];
    // the scores with and without 1/√d_k on one scale: the division shows as paler colours
    const range = largestMagnitude([answer.row.raw], [answer.row.scaled]);
    for (const [name, key, values, scale, explainEntry] of rows) {
      placeMatrix(row, { name, key, values: [values], rowLabels: ['1'], colLabels: labels, scale, digits: 2, range,
        explain: explainEntry });
    }
    const softmax = el('div', 'widget-group');
    softmax.append(el('h3', 'widget-group-title', `One query against ${labels.length} keys, at d_k = ${answer.dk}`), row);
    body.append(softmax);
  };

  return startWidget(element, {
    label: 'Scaling widget',
    check: (state) => Object.keys(state).sort().join() === 'dk,samples,seed'
      && [state.dk, state.samples, state.seed].every(Number.isInteger),
    build,
    compute: (state) => postJson('/api/scaling', state),
    show,
  });
}

function stats(answer) {
  const table = el('table', 'scaling-stats');
  table.append(el('caption', null, `q·k over ${answer.samples} draws at d_k = ${answer.dk} (seed ${answer.seed})`));
  const tbody = el('tbody');
  for (const [label, key, summary] of [['q·k', 'raw', answer.raw], ['q·k / √d_k', 'scaled', answer.scaled]]) {
    const tr = tableRow(label, [el('td', null, formatNumber(summary.mean, 2)), el('td', null, formatNumber(summary.standardDeviation, 2))]);
    tr.dataset.line = key;
    tbody.append(tr);
  }
  table.append(tableHead(['mean', 'standard deviation'], true), tbody);
  const wrap = el('div', 'scaling-summary');
  const root = el('p', 'scaling-root');
  root.append(`√d_k = ${formatNumber(answer.sqrt_dk, 2)}: the spread q·k should have.`);
  wrap.append(table, root);
  return wrap;
}

function histograms(answer) {
  const h = answer.histogram;
  const box = el('div', 'scaling-histograms');
  box.append(
    histogram(`q·k, spread ${formatNumber(answer.raw.standardDeviation, 2)}`, h.raw, h.raw_outside, h),
    histogram(`q·k / √d_k, spread ${formatNumber(answer.scaled.standardDeviation, 2)}`, h.scaled, h.scaled_outside, h));
  return box;
}

function histogram(title, counts, outside, h) {
  const figure = el('figure', 'histogram');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT + 16}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Histogram of ${title}, on an axis from ${h.from} to ${h.to}`);
  const most = Math.max(1, ...counts);
  const width = WIDTH / counts.length;
  counts.forEach((count, i) => {
    if (count === 0) return;
    const bar = document.createElementNS(SVG, 'rect');
    const height = Math.max(1, (count / most) * HEIGHT);
    bar.setAttribute('x', String(i * width + 0.5));
    bar.setAttribute('y', String(HEIGHT - height));
    bar.setAttribute('width', String(width - 1));
    bar.setAttribute('height', String(height));
    bar.setAttribute('class', 'histogram-bar');
    svg.append(bar);
  });
  const axis = document.createElementNS(SVG, 'line');
  for (const [name, value] of [['x1', 0], ['y1', HEIGHT], ['x2', WIDTH], ['y2', HEIGHT]]) axis.setAttribute(name, String(value));
  axis.setAttribute('class', 'histogram-axis');
  svg.append(axis);
  for (const [x, text, anchor] of [[0, h.from, 'start'], [WIDTH / 2, 0, 'middle'], [WIDTH, h.to, 'end']]) {
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String(x));
    label.setAttribute('y', String(HEIGHT + 14));
    label.setAttribute('text-anchor', anchor);
    label.setAttribute('class', 'histogram-label');
    label.textContent = String(text).replace('-', '−');
    svg.append(label);
  }
  const caption = el('figcaption', null, title);
  if (outside > 0) caption.append(` (${outside} outside the axis)`);
  figure.append(svg, caption);
  return figure;
}
