// The lab's smaller read-outs: a run's config, what the model predicts on a sequence, and what the
// snapshots say about the run's phases.

import { el, tableRow } from '../dom.js';
import { formatNumber } from '../matrix.js';
import { headMilestones, HEAD_THRESHOLD, PLATEAU } from './phases.js';

export function showConfig(list, config, weightsHref) {
  const rows = [
    ['task', config.task], ['length', config.length], ['context (tokens read)', config.context],
    ['vocabulary', config.vocabulary], ['layers', config.layers], ['heads', config.heads], ['d_model', config.d_model],
    ['MLP', config.mlp ? 'yes' : 'no'], ['steps', config.steps], ['batch', config.batch],
    ['learning rate', String(config.lr)], ['seed', config.seed],
  ];
  list.replaceChildren(...rows.flatMap(([name, value]) => [el('dt', null, name), el('dd', null, String(value))]));
  document.getElementById('lab-weights-link').href = weightsHref;
}

/** Tokens in a row and what the model predicts after each, as a table read across. */
function tokensAndPredictions(table, tokens, predictions) {
  const head = el('thead');
  const headRow = el('tr');
  const corner = el('th', null, 'position');
  corner.scope = 'col';
  headRow.append(corner, ...tokens.map((_, i) => {
    const th = el('th', null, String(i + 1));
    th.scope = 'col';
    return th;
  }));
  head.append(headRow);
  const body = el('tbody');
  body.append(tableRow('token', tokens.map((t) => el('td', null, t))),
    tableRow('predicts next', predictions.map((p) => el('td', 'lab-prediction', p))));
  table.replaceChildren(...table.querySelectorAll('caption'), head, body);
}

export function showProbe(table, probe) {
  tokensAndPredictions(table, probe.tokens, probe.predictions);
}

export function showPrediction(table, answer) {
  tokensAndPredictions(table, answer.tokens, answer.predictions);
}

/** The plateau and drop (or why none is marked), and when each head took on a role. */
export function showPhases(box, phase, snapshots) {
  const lines = [];
  if (phase) {
    lines.push(`Plateau from step ${phase.plateauFrom} to step ${phase.plateauTo}: the loss stays about ${formatNumber(phase.plateauLoss, 3)}, `
      + `falling by only ${formatNumber(phase.plateauRatePer100, 3)} every 100 steps. `
      + `Then the drop: the loss falls fastest just before step ${phase.dropStep}, by ${formatNumber(phase.ratePer100, 3)} every 100 steps.`);
  } else {
    lines.push(snapshots.length < PLATEAU.intervals + 2 ? 'Too few snapshots yet to look for a plateau.'
      : 'No plateau followed by a drop in this run: the loss fell without a long pause.');
  }
  const milestones = headMilestones(snapshots);
  for (const m of milestones) {
    const name = `Layer ${m.layer + 1}, head ${m.head + 1}`;
    if (m.previousToken !== null) lines.push(`${name} became a previous-token head at step ${m.previousToken}.`);
    if (m.induction !== null) lines.push(`${name} became an induction head at step ${m.induction}.`);
  }
  const firstPrevious = Math.min(...milestones.filter((m) => m.layer === 0 && m.previousToken !== null).map((m) => m.previousToken));
  const firstInduction = Math.min(...milestones.filter((m) => m.layer === 1 && m.induction !== null).map((m) => m.induction));
  if (Number.isFinite(firstPrevious) && Number.isFinite(firstInduction)) {
    lines.push(firstPrevious <= firstInduction
      ? `The two phases: the previous-token head in layer 1 formed first (step ${firstPrevious}), the induction head in layer 2 after it (step ${firstInduction}).`
      : `In this run the induction head in layer 2 (step ${firstInduction}) came before a previous-token head in layer 1 (step ${firstPrevious}).`);
  }
  if (milestones.length > 0 && lines.length === 1) {
    lines.push(`No head has reached a score of ${formatNumber(HEAD_THRESHOLD, 1)} yet.`);
  }
  box.replaceChildren(...lines.map((line) => el('li', null, line)));
}
