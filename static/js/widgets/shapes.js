// shapes: choose batch, ctx, d_model and heads; every tensor's shape along multi-head attention,
// drawn to scale (the last two sizes as a box, the leading ones as a stack), with the product rule
// [.., A, B]·[B, C] = [.., A, C] at each product. Heads that do not divide d_model are explained,
// not corrected. Shapes, counts and the explanation come from POST /api/shapes.
// State: {"batch": 1 … 1024, "ctx": 1 … 65536, "d_model": 1 … 65536, "heads": 1 … 1024}
import { startWidget } from '../widget.js';
import { countInput, el } from '../dom.js';
import { postJson } from '../api.js';

const FIELDS = [
  ['batch', 'batch B', 1024],
  ['ctx', 'ctx T', 65536],
  ['d_model', 'd_model', 65536],
  ['heads', 'heads h', 1024],
];
const SVG = 'http://www.w3.org/2000/svg';
/** The largest size in the chain is drawn this many pixels long; every other size in proportion. */
const LONGEST_PX = 150;
const STACK_STEP = 4;

export function mount(element) {
  const build = (host) => {
    if (!host.controls.hasChildNodes()) {
      for (const [field, text, max] of FIELDS) {
        host.controls.append(countInput(text, field, max, (value) => host.change((s) => { s[field] = value; }),
          () => host.say(`${text} must be a whole number from 1 to ${max}.`, true)));
      }
    }
    for (const input of host.controls.querySelectorAll('input')) {
      if (document.activeElement !== input) input.value = String(host.state[input.dataset.field]);
      input.removeAttribute('aria-invalid');
    }
  };

  const show = (host, chain) => {
    const rule = el('p', 'shape-rule');
    rule.append('The rule at every product: ', el('code', null, '[.., A, B]·[B, C] = [.., A, C]'),
      '. The inner sizes must agree, and they disappear.');
    const longest = Math.max(...chain.stages.flatMap((stage) => stage.shape.slice(-2)));
    const list = el('ol', 'shape-chain');
    for (const stage of chain.stages) list.append(card(stage, longest));
    const problem = el('div', 'shape-problem');
    problem.setAttribute('aria-live', 'polite');
    if (!chain.possible) problem.append(el('p', 'widget-problem', chain.problem));
    const scroller = el('div', 'widget-scroll');
    scroller.append(list);
    host.body.replaceChildren(rule, scroller, problem);
  };

  return startWidget(element, {
    label: 'Shapes widget',
    check: (state) => Object.keys(state).sort().join() === 'batch,ctx,d_model,heads'
      && FIELDS.every(([field, , max]) => Number.isInteger(state[field]) && state[field] >= 1 && state[field] <= max),
    build,
    compute: (state) => postJson('/api/shapes', state),
    show,
  });
}

const brackets = (shape) => `[${shape.join(', ')}]`;

function card(stage, longest) {
  const item = el('li', 'shape-stage');
  item.dataset.stage = stage.key;
  item.append(el('p', 'shape-name', stage.name));
  const dims = el('p', 'shape-dims');
  if (stage.product) {
    // [.., A, B]·[.., B, C] = [.., A, C] with the inner size B marked where it meets and vanishes
    const p = stage.product;
    dims.append(shapeWithInner(p.left, p.left.length - 1), '·', shapeWithInner(p.right, p.right.length - 2), ` = ${brackets(stage.shape)}`);
  } else {
    dims.append(brackets(stage.shape));
  }
  item.append(dims);
  item.append(el('p', 'shape-axes', stage.axes.join(' × ')));
  item.append(drawing(stage.shape, longest));
  item.append(el('p', 'shape-count', `${stage.count.toLocaleString('en-US')} ${stage.count === 1 ? 'number' : 'numbers'}`));
  item.append(el('p', 'shape-note', stage.note));
  return item;
}

function shapeWithInner(shape, innerIndex) {
  const span = el('span', 'shape-operand');
  span.append('[');
  shape.forEach((size, i) => {
    if (i > 0) span.append(', ');
    span.append(i === innerIndex ? el('strong', 'shape-inner', String(size)) : String(size));
  });
  span.append(']');
  return span;
}

/** The last two sizes as a box (rows down, columns across) on one scale; leading sizes as a stack behind it. */
function drawing(shape, longest) {
  const rows = shape.length >= 2 ? shape[shape.length - 2] : 1;
  const cols = shape[shape.length - 1];
  const stacked = shape.slice(0, -2).some((size) => size > 1);
  const layers = stacked ? 3 : 1;
  const w = Math.max(2, (cols / longest) * LONGEST_PX);
  const h = Math.max(2, (rows / longest) * LONGEST_PX);
  const offset = (layers - 1) * STACK_STEP;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'shape-drawing');
  svg.setAttribute('width', String(w + offset + 2));
  svg.setAttribute('height', String(h + offset + 2));
  svg.setAttribute('aria-hidden', 'true');
  for (let layer = layers - 1; layer >= 0; layer--) {
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(1 + layer * STACK_STEP));
    rect.setAttribute('y', String(1 + (layers - 1 - layer) * STACK_STEP));
    rect.setAttribute('width', String(w));
    rect.setAttribute('height', String(h));
    rect.setAttribute('class', layer === 0 ? 'shape-box' : 'shape-box shape-box-behind');
    svg.append(rect);
  }
  return svg;
}
