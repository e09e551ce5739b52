// cost: what one forward pass of attention over T tokens costs a whole model: multiply-adds (the
// projections, linear in T, against the scores and weighted sums, quadratic in T) and bytes (one
// layer's score grids, the KV cache, the weights), as T (up to 2²⁰), d_model, heads, layers and the
// number type change. Both multiply-add parts on one log-log plot, whose numbers are also a table.
// Figures from POST /api/cost. State: {"ctx", "d_model", "heads", "layers", "dtype"}
import { startWidget } from '../widget.js';
import { countInput, el, selectBox, tableHead, tableRow } from '../dom.js';
import { postJson } from '../api.js';

const FIELDS = [['ctx', 'T (tokens)', 1048576], ['d_model', 'd_model', 16384], ['heads', 'heads', 1024], ['layers', 'layers', 128]];
const DTYPES = { float32: 'float32 (4 bytes)', float16: 'float16 (2 bytes)', int8: 'int8 (1 byte)' };
const SVG = 'http://www.w3.org/2000/svg';
const W = 320;
const H = 220;
const PAD = 36;
const count = (n) => n.toLocaleString('en-US');
const sci = (n) => n.toExponential(2).replace('e+', 'e');
const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
/** 10 to a whole power as a reader writes it: 10¹⁸, like the T axis's 2²⁰. */
const tenTo = (exponent) => `10${[...String(exponent)].map((c) => SUPERSCRIPT[c]).join('')}`;

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function plot(view) {
  const xs = view.curve.map((p) => Math.log2(p.ctx));
  const ys = view.curve.flatMap((p) => [p.linear_madds, p.quadratic_madds]).map(Math.log10);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.floor(Math.min(...ys)), Math.ceil(Math.max(...ys))];
  const px = (t) => PAD + ((Math.log2(t) - x0) / (x1 - x0)) * (W - PAD - 8);
  const py = (m) => H - PAD - ((Math.log10(m) - y0) / (y1 - y0)) * (H - PAD - 8);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'cost-plot', role: 'img',
    'aria-label': `Log-log plot of multiply-adds against T: the linear part grows ×2 and the quadratic part ×4 per doubling; `
      + `they cross at T = ${count(view.crossover)}. The numbers are in the table below.` });
  chart.append(svg('line', { x1: PAD, y1: H - PAD, x2: W - 8, y2: H - PAD, class: 'cost-axis' }),
    svg('line', { x1: PAD, y1: 8, x2: PAD, y2: H - PAD, class: 'cost-axis' }));
  for (const [key, cls] of [['linear_madds', 'cost-linear'], ['quadratic_madds', 'cost-quadratic']]) {
    chart.append(svg('polyline', { points: view.curve.map((p) => `${px(p.ctx)},${py(p[key])}`).join(' '), class: cls }));
  }
  chart.append(svg('line', { x1: px(view.ctx), y1: 8, x2: px(view.ctx), y2: H - PAD, class: 'cost-marker' }));
  const label = (x, y, text, anchor = 'start') => {
    const t = svg('text', { x, y, class: 'cost-label', 'text-anchor': anchor });
    t.textContent = text;
    chart.append(t);
  };
  label(PAD, H - PAD + 14, 'T = 1');
  label(W - 60, H - PAD + 14, 'T = 2²⁰');
  label(2, 14, tenTo(y1));
  label(2, H - PAD, tenTo(y0));
  // the chosen T's label sits on the side of its line that has room, so it is never cut off at the edge
  const marker = px(view.ctx);
  if (marker > W / 2) label(marker - 3, 20, `T = ${count(view.ctx)}`, 'end');
  else label(marker + 3, 20, `T = ${count(view.ctx)}`);
  return chart;
}

export function mount(element) {
  const build = (host) => {
    if (!host.controls.hasChildNodes()) {
      for (const [field, text, max] of FIELDS) {
        host.controls.append(countInput(text, field, max, (value) => host.change((s) => { s[field] = value; }),
          () => host.say(`${text} must be a whole number from 1 to ${count(max)}.`, true)));
      }
      host.controls.append(selectBox('numbers as', 'dtype', DTYPES, (value) => host.change((s) => { s.dtype = value; })));
    }
    for (const input of host.controls.querySelectorAll('input')) {
      if (document.activeElement !== input) input.value = String(host.state[input.dataset.field]);
      input.removeAttribute('aria-invalid');
    }
    host.controls.querySelector('select').value = host.state.dtype;
  };

  const show = (host, v) => {
    const figures = el('table', 'cost-table');
    figures.append(el('caption', null, `One forward pass over ${count(v.ctx)} tokens, ${v.layers} layers, d_k = ${v.d_k}`));
    const body = el('tbody');
    // the server writes the figures out: above 2⁵³ a JavaScript number would round them
    for (const [key, text] of [
      ['linear', 'projections (linear in T), multiply-adds'],
      ['quadratic', 'scores and weighted sums (quadratic in T), multiply-adds'],
      ['grid', 'score grids of one layer, bytes'],
      ['cache', 'KV cache, bytes'],
      ['weights', 'attention weights, bytes']]) {
      const td = el('td', null, v.text[key]);
      td.dataset.figure = key;
      body.append(tableRow(text, [td]));
    }
    figures.append(body);
    const note = el('p', 'cost-note', `The quadratic part passes the linear one at T = 2·d_model = ${v.text.crossover}; `
      + `here it is ${v.text.ratio} times the linear part.`);
    const data = el('details', 'cost-data');
    const points = el('table', 'cost-points');
    points.append(tableHead(['T', 'linear', 'quadratic']));
    const pb = el('tbody');
    for (const p of v.curve) pb.append(tableRow(count(p.ctx), [el('td', null, sci(p.linear_madds)), el('td', null, sci(p.quadratic_madds))]));
    points.append(pb);
    data.append(el('summary', null, 'The plotted numbers'), points);
    const legend = el('p', 'cost-legend');
    legend.append(el('span', 'cost-key-linear', '— projections (linear)'), ' ', el('span', 'cost-key-quadratic', '— scores and sums (quadratic)'));
    host.body.replaceChildren(figures, note, plot(v), legend, data);
  };

  return startWidget(element, {
    label: 'Cost widget',
    check: (state) => Object.keys(state).sort().join() === 'ctx,d_model,dtype,heads,layers' && state.dtype in DTYPES
      && FIELDS.every(([field, , max]) => Number.isInteger(state[field]) && state[field] >= 1 && state[field] <= max),
    build,
    compute: (state) => postJson('/api/cost', state),
    show,
  });
}
