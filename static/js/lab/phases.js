// What a run's numbers say about its phases, worked out from the snapshots the server computed:
// where the loss sat on a plateau and then fell fastest, and when each head became a previous-token
// head or an induction head. Pure functions of the snapshots, so a test can feed them made-up runs.

/** How many snapshot intervals a plateau lasts at least, how flat it is and how big the fall after it. */
export const PLATEAU = { intervals: 3, flat: 0.1, fall: 0.25 };
/** A head "is" a previous-token or induction head once that share of its weight goes where such a head looks. */
export const HEAD_THRESHOLD = 0.5;

/**
 * The drop after a plateau: over every interval between two snapshots, the fall in loss per step;
 * among the intervals that come right after a plateau (the loss moved by at most `flat` of the run's
 * whole fall over the `intervals` before it) and are followed by at least `fall` of the whole fall,
 * the steepest. Answers { plateauFrom, plateauTo, plateauLoss, dropStep, dropIndex, ratePer100 } or null.
 */
export function findPlateauAndDrop(snapshots, settings = PLATEAU) {
  const n = snapshots.length;
  if (n < settings.intervals + 2) return null;
  const loss = snapshots.map((s) => s.loss);
  const whole = loss[0] - Math.min(...loss);
  if (!(whole > 0)) return null;
  const spread = (from, to) => {
    const part = loss.slice(from, to + 1);
    return Math.max(...part) - Math.min(...part);
  };
  let best = null;
  for (let i = settings.intervals + 1; i < n; i++) {
    const plateauEnd = i - 1;
    if (spread(plateauEnd - settings.intervals, plateauEnd) > settings.flat * whole) continue;
    if (loss[plateauEnd] - Math.min(...loss.slice(i)) < settings.fall * whole) continue;
    const rate = (loss[i - 1] - loss[i]) / (snapshots[i].step - snapshots[i - 1].step);
    if (rate <= 0 || (best && rate <= best.rate)) continue;
    let start = plateauEnd - settings.intervals;
    while (start > 0 && spread(start - 1, plateauEnd) <= settings.flat * whole) start--;
    best = { rate, start, plateauEnd, i };
  }
  if (!best) return null;
  const plateau = loss.slice(best.start, best.plateauEnd + 1);
  return {
    plateauFrom: snapshots[best.start].step,
    plateauTo: snapshots[best.plateauEnd].step,
    plateauLoss: plateau.reduce((a, b) => a + b, 0) / plateau.length,
    dropStep: snapshots[best.i].step,
    dropIndex: best.i,
    ratePer100: best.rate * 100,
  };
}

/** The mean weight a head puts on the token just before each token (rows 2 … T): 1 for a perfect previous-token head. */
export function previousTokenScore(weights) {
  let sum = 0;
  for (let i = 1; i < weights.length; i++) sum += weights[i][i - 1];
  return weights.length > 1 ? sum / (weights.length - 1) : 0;
}

/**
 * The mean weight a head puts, at each token seen before, on the token that followed its last earlier
 * occurrence: 1 for a perfect induction head. null when no token of the sequence repeats.
 */
export function inductionScore(weights, tokens) {
  let sum = 0;
  let count = 0;
  for (let i = 1; i < tokens.length; i++) {
    const earlier = tokens.lastIndexOf(tokens[i], i - 1);
    if (earlier >= 0 && earlier + 1 < i) {
      sum += weights[i][earlier + 1];
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

/**
 * For each head (by "layer,head"), the first snapshot step at which its previous-token score and its
 * induction score reached HEAD_THRESHOLD (null if never).
 */
export function headMilestones(snapshots) {
  const found = new Map();
  for (const s of snapshots) {
    s.probe.layers.forEach((heads, layer) => heads.forEach((weights, head) => {
      const key = `${layer},${head}`;
      if (!found.has(key)) found.set(key, { layer, head, previousToken: null, induction: null });
      const m = found.get(key);
      if (m.previousToken === null && previousTokenScore(weights) >= HEAD_THRESHOLD) m.previousToken = s.step;
      const ind = inductionScore(weights, s.probe.tokens);
      if (m.induction === null && ind !== null && ind >= HEAD_THRESHOLD) m.induction = s.step;
    }));
  }
  return [...found.values()];
}
