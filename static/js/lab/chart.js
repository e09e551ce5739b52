// The loss and accuracy curves as an SVG drawn through the DOM (attributes only: the CSP forbids
// style strings). The loss, as finely as the server recorded it, on the left axis from 0 to its largest
// value; accuracy (measured at each snapshot) on the right from 0 to 1; the snapshot on show marked by a
// vertical line, and a plateau and the drop after it when there is one.

import { formatNumber } from '../matrix.js';
import { lossCurve } from './phases.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 48, right: 48, top: 16, bottom: 34 };

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function path(points) {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}

/**
 * Draws into container (replacing what was there): snapshots [{step, loss, accuracy}], steps (the run's
 * total), current (the index on show), phase (from findPlateauAndDrop, or null).
 */
export function drawChart(container, { snapshots, steps, current, phase }) {
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'lab-chart-svg', role: 'img' });
  const curve = lossCurve(snapshots);
  const maxLoss = Math.max(...curve.map((p) => p.loss), 1e-9);
  const x = (step) => PAD.left + (WIDTH - PAD.left - PAD.right) * (step / Math.max(steps, 1));
  const yLoss = (loss) => HEIGHT - PAD.bottom - (HEIGHT - PAD.top - PAD.bottom) * (loss / maxLoss);
  const yAcc = (acc) => HEIGHT - PAD.bottom - (HEIGHT - PAD.top - PAD.bottom) * acc;
  const last = snapshots[snapshots.length - 1];
  const title = snapshots.length === 0 ? 'No snapshots yet'
    : `Loss from ${formatNumber(snapshots[0].loss, 3)} to ${formatNumber(last.loss, 3)} and accuracy from `
      + `${formatNumber(snapshots[0].accuracy, 2)} to ${formatNumber(last.accuracy, 2)} over ${last.step} steps`
      + (phase ? `; plateau from step ${phase.plateauFrom} to ${phase.plateauTo}, drop at step ${phase.dropStep}` : '');
  root.setAttribute('aria-label', title);
  root.append(svg('title', {}, title));

  const bottom = HEIGHT - PAD.bottom;
  root.append(svg('line', { x1: PAD.left, y1: bottom, x2: WIDTH - PAD.right, y2: bottom, class: 'lab-axis' }));
  root.append(svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom, class: 'lab-axis' }));
  root.append(svg('line', { x1: WIDTH - PAD.right, y1: PAD.top, x2: WIDTH - PAD.right, y2: bottom, class: 'lab-axis' }));
  for (const f of [0, 0.5, 1]) {
    root.append(svg('text', { x: PAD.left - 6, y: yLoss(f * maxLoss) + 4, class: 'lab-tick lab-tick-loss', 'text-anchor': 'end' },
      formatNumber(f * maxLoss, 2)));
    root.append(svg('text', { x: WIDTH - PAD.right + 6, y: yAcc(f) + 4, class: 'lab-tick lab-tick-acc' }, formatNumber(f, 1)));
  }
  for (const step of [0, Math.round(steps / 2), steps]) {
    root.append(svg('text', { x: x(step), y: bottom + 16, class: 'lab-tick', 'text-anchor': 'middle' }, String(step)));
  }
  root.append(svg('text', { x: (WIDTH) / 2, y: HEIGHT - 2, class: 'lab-tick', 'text-anchor': 'middle' }, 'step'));

  if (phase) {
    root.append(svg('rect', { x: x(phase.plateauFrom), y: PAD.top, width: Math.max(1, x(phase.plateauTo) - x(phase.plateauFrom)),
      height: bottom - PAD.top, class: 'lab-plateau' }));
    root.append(svg('line', { x1: x(phase.dropStep), y1: PAD.top, x2: x(phase.dropStep), y2: bottom, class: 'lab-drop' }));
    // a drop late in the run has its label on the left of its line, so the plot's edge does not cut it off
    const late = x(phase.dropStep) > (PAD.left + WIDTH - PAD.right) / 2;
    root.append(svg('text', { x: x(phase.dropStep) + (late ? -4 : 4), y: PAD.top + 12, class: 'lab-drop-label',
      'text-anchor': late ? 'end' : 'start' }, `drop, step ${phase.dropStep}`));
    root.append(svg('text', { x: x(phase.plateauFrom) + 4, y: bottom - 6, class: 'lab-plateau-label' }, 'plateau'));
  }
  if (snapshots.length > 0) {
    root.append(svg('path', { d: path(curve.map((p) => [x(p.step), yLoss(p.loss)])), class: 'lab-line-loss' }));
    root.append(svg('path', { d: path(snapshots.map((s) => [x(s.step), yAcc(s.accuracy)])), class: 'lab-line-acc' }));
    const shown = snapshots[Math.min(current, snapshots.length - 1)];
    root.append(svg('line', { x1: x(shown.step), y1: PAD.top, x2: x(shown.step), y2: bottom, class: 'lab-now' }));
    const shownLoss = (curve.find((p) => p.step === shown.step) || shown).loss;   // on the line drawn
    root.append(svg('circle', { cx: x(shown.step), cy: yLoss(shownLoss), r: 4, class: 'lab-dot-loss' }));
    root.append(svg('rect', { x: x(shown.step) - 4, y: yAcc(shown.accuracy) - 4, width: 8, height: 8, class: 'lab-dot-acc' }));
  }
  container.replaceChildren(root);
}
