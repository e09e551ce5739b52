// softmax: edit one row of scores and a temperature τ; the probabilities as bars, and beside them
// the naive exp(s/τ) which overflows for large scores, next to the stable exp(s/τ − max). Every
// number comes from POST /api/softmax (the core's Softmax.stable and Softmax.naive).
// State: {"scores": [1 to 12 numbers, or "-inf" for a hidden score], "temperature": τ from 0.01 to 100}
// A score of −∞ (typed "-inf" or "−∞") is what the mask puts in a row: its weight is exactly 0. The
// temperature slider is logarithmic, 0.01 … 1 … 100 with 1 in the middle, so 1 → 0.1 is a quarter of it.
import { startWidget } from '../widget.js';
import { el, tableHead, tableRow } from '../dom.js';
import { postJson } from '../api.js';
import { explainCell } from '../explain.js';
import { formatNumber, largestMagnitude, placeMatrix, recolour } from '../matrix.js';

const MAX_ENTRIES = 12;
const LARGE = [1000, 999, 998];
const DIGITS = 3;
const MINUS_INFINITY = '-inf';
/** The slider's ends, as powers of ten: τ from 10⁻² to 10², the whole range a typed τ may take. */
const LOG_MIN = -2;
const LOG_MAX = 2;

/** A typed score: a number, or −Infinity for "-inf", "−∞", "-infinity"; null for anything else. */
export function parseScore(text) {
  const t = text.trim().toLowerCase().replace('\u2212', '-');
  if (['-inf', '-∞', '-infinity'].includes(t)) return -Infinity;
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/** τ at a slider position: 10^position, rounded to two significant digits so the slider lands on 0.1, 0.5, 2. */
const temperatureAt = (position) => Number((10 ** position).toPrecision(2));
const shownScores = (scores) => scores.map((x) => (x === MINUS_INFINITY ? null : x));

const labels = (n) => Array.from({ length: n }, (_, i) => String(i + 1));

export function mount(element) {
  const build = (host) => {
    if (!host.controls.hasChildNodes()) host.controls.append(...controls(host));
    sync(host);
    let inputs = host.body.querySelector(':scope > .softmax-input');
    if (!inputs) {
      inputs = el('div', 'softmax-input matrix-row');
      host.body.prepend(inputs);
    }
    inputs.replaceChildren();
    placeMatrix(inputs, {
      name: 'scores s', key: 'scores', values: [shownScores(host.state.scores)], rowLabels: ['s'], colLabels: labels(host.state.scores.length),
      scale: 'signed', digits: 2,
      edit: {
        label: (r, c) => `score ${c + 1}`,
        parse: parseScore,
        change: (r, c, value) => {
          if (value === null) host.say(`Score ${c + 1} needs a number, or -inf (−∞) to hide it.`, true);
          else host.change((s) => { s.scores[c] = value === -Infinity ? MINUS_INFINITY : value; });
        },
      },
    });
    if (!inputs.querySelector('.widget-note')) {
      inputs.append(el('p', 'widget-note', 'Type -inf (or −∞) for a score the mask hides: its weight becomes exactly 0.'));
    }
  };

  const sync = (host) => {
    const t = host.state.temperature;
    const [slider, number] = host.controls.querySelectorAll('.softmax-temperature input');
    slider.value = String(Math.log10(t));
    slider.setAttribute('aria-valuetext', `τ = ${t}`);
    if (document.activeElement !== number) number.value = String(t);
    host.controls.querySelector('[data-action="remove"]').disabled = host.state.scores.length <= 1;
    host.controls.querySelector('[data-action="add"]').disabled = host.state.scores.length >= MAX_ENTRIES;
  };

  const controls = (host) => {
    const field = el('div', 'widget-field softmax-temperature');
    const sliderLabel = el('label', null, 'Temperature τ ');
    const slider = el('input');
    // the slider moves log₁₀ τ: every factor of 10 gets a quarter of its length
    Object.assign(slider, { type: 'range', min: String(LOG_MIN), max: String(LOG_MAX), step: '0.01' });
    sliderLabel.append(slider);
    const number = el('input');
    Object.assign(number, { type: 'number', min: '0.01', max: '100', step: 'any' });
    number.setAttribute('aria-label', 'Temperature τ, typed');
    field.append(sliderLabel, number);
    const setTemperature = (value, from) => {
      if (!Number.isFinite(value) || value < 0.01 || value > 100) {
        host.say('The temperature must be a number from 0.01 to 100.', true);
        return;
      }
      host.change((s) => { s.temperature = value; });
      if (from !== number) number.value = String(value);
      if (from !== slider) slider.value = String(Math.log10(value));
      slider.setAttribute('aria-valuetext', `τ = ${value}`);
    };
    slider.addEventListener('input', () => setTemperature(temperatureAt(slider.valueAsNumber), slider));
    number.addEventListener('input', () => setTemperature(number.valueAsNumber, number));

    const button = (text, action, run) => {
      const b = el('button', 'widget-button', text);
      b.type = 'button';
      b.dataset.action = action;
      b.addEventListener('click', () => { host.change(run, { rebuild: true }); });
      return b;
    };
    return [field,
      button('Large scores', 'large', (s) => { s.scores = LARGE.slice(); }),
      button('Add a score', 'add', (s) => { if (s.scores.length < MAX_ENTRIES) s.scores.push(0); }),
      button('Remove the last', 'remove', (s) => { if (s.scores.length > 1) s.scores.pop(); })];
  };

  const show = (host, answer) => {
    const n = answer.weights.length;
    let out = host.body.querySelector(':scope > .softmax-output');
    if (!out) {
      out = el('div', 'softmax-output');
      host.body.append(out);
    }
    const row = out.querySelector('.matrix-row') || out.appendChild(el('div', 'matrix-row'));
    // s and s/τ on one scale: at τ = 1 they are the same numbers, and they get the same colours
    const range = largestMagnitude([answer.scores], [answer.divided]);
    const input = host.body.querySelector('.softmax-input [data-matrix="scores"]');
    if (input) recolour(input, range);
    // each entry explains itself: sⱼ/τ, and its weight exp(sⱼ/τ − max) / Σ
    const explain = (matrix, name, digits) => (r, c, cell) => explainCell(`${name}, entry ${c + 1}`, '/api/softmax/explain',
      { ...host.state, explain: { matrix, col: c } }, cell, digits);
    placeMatrix(row, { name: `scores s / τ (τ = ${answer.temperature})`, key: 'divided', values: [answer.divided], rowLabels: ['s/τ'],
      colLabels: labels(n), scale: 'signed', digits: 2, range, explain: explain('divided', 's / τ', 2) });
    placeMatrix(row, { name: 'softmax (stable)', key: 'weights', values: [answer.weights], rowLabels: ['p'],
      colLabels: labels(n), scale: 'weights', digits: DIGITS, explain: explain('weights', 'softmax weight', DIGITS) });
    out.querySelector('.softmax-bars')?.remove();
    out.querySelector('.softmax-compare')?.parentElement.remove();
    out.querySelector('.widget-problem')?.remove();
    out.append(bars(answer), compare(answer));
    if (answer.naive.text) out.append(el('p', 'widget-problem', answer.naive.text));
  };

  return startWidget(element, {
    label: 'Softmax widget',
    check: (state) => Object.keys(state).sort().join() === 'scores,temperature' && Array.isArray(state.scores)
      && state.scores.length >= 1 && state.scores.length <= MAX_ENTRIES
      && state.scores.every((x) => Number.isFinite(x) || x === MINUS_INFINITY)
      && Number.isFinite(state.temperature),
    build,
    compute: (state) => postJson('/api/softmax', state),
    show,
  });
}

function bars(answer) {
  const figure = el('figure', 'softmax-bars');
  figure.append(el('figcaption', null, 'Probabilities (stable softmax); they sum to 1'));
  const list = el('ol');
  answer.weights.forEach((p, j) => {
    const item = el('li');
    item.dataset.entry = String(j);
    const meter = el('meter');
    Object.assign(meter, { min: 0, max: 1, value: p });
    meter.setAttribute('aria-label', `probability ${j + 1}`);
    item.append(el('span', 'bar-label', `p${j + 1}`), meter, el('span', 'bar-value', formatNumber(p, DIGITS)));
    list.append(item);
  });
  figure.append(list);
  return figure;
}

function compare(answer) {
  const wrap = el('div', 'widget-scroll');
  const table = el('table', 'softmax-compare');
  table.append(el('caption', null, `exp with and without subtracting the max (${formatNumber(answer.max, 2)}) first`));
  const body = el('tbody');
  const line = (label, key, cells) => {
    const tr = tableRow(label, cells);
    tr.dataset.line = key;
    body.append(tr);
  };
  const number = (x) => el('td', null, formatNumber(x, DIGITS));
  const shown = (s) => (s.value === null ? el('td', 'overflow', s.text) : number(s.value));
  line('stable exp(s/τ − max)', 'stable-exp', answer.terms.map(number));
  line('stable weight', 'stable-weight', answer.weights.map(number));
  line('naive exp(s/τ)', 'naive-exp', answer.naive.terms.map(shown));
  line('naive weight', 'naive-weight', answer.naive.weights.map(shown));
  table.append(tableHead(answer.weights.map((_, j) => String(j + 1)), true), body);
  wrap.append(table);
  return wrap;
}
