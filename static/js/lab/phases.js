// What a run's numbers say about its phases, worked out from the snapshots the server computed:
// where the loss sat on a plateau and then fell fastest, and when each head became a previous-token
// head or an induction head. Pure functions of the snapshots, so a test can feed them made-up runs.

/**
 * What counts as a plateau followed by a drop, in shares of the run's steps so that a long run and a
 * short one are judged alike: the curve is first smoothed over `smooth` of the steps either side (the
 * loss of one batch is noisy); a plateau lasts at least `plateau` of the steps, the loss falling there
 * at most `slower` times as fast as in the drop; and at least `fall` of the run's whole fall comes after it.
 */
export const PLATEAU = { smooth: 0.0125, plateau: 0.04, slower: 1 / 3, fall: 0.25 };
/** A head "is" a previous-token or induction head once that share of its weight goes where such a head looks. */
export const HEAD_THRESHOLD = 0.5;

/**
 * The training loss as finely as the server recorded it: each snapshot's curve (the loss every few
 * steps since the snapshot before), or the snapshot's own loss when it carries no curve.
 */
export function lossCurve(snapshots) {
  const points = snapshots.flatMap((s) => (s.curve && s.curve.length > 0 ? s.curve : [{ step: s.step, loss: s.loss }]));
  return points.filter((p, i) => i === 0 || p.step > points[i - 1].step);
}

function smoothed(points, radius) {
  return points.map((p) => {
    const near = points.filter((q) => Math.abs(q.step - p.step) <= radius);
    return near.reduce((sum, q) => sum + q.loss, 0) / near.length;
  });
}

/**
 * The drop after a plateau, judged on the fine loss curve of the snapshots (see lossCurve). Between
 * each two points the (smoothed) fall per step; a drop is such an interval with a plateau before it:
 * a stretch of at least `plateau` of the run's steps over which the loss fell at most `slower` times as
 * fast, followed by at least `fall` of the whole fall. The steepest such drop, and the plateau nearest
 * before it. totalSteps: the run's configured steps (the windows scale with it; default the last step).
 * Answers { plateauFrom, plateauTo, plateauLoss, plateauRatePer100, dropStep, ratePer100 } or null.
 */
export function findPlateauAndDrop(snapshots, totalSteps, settings = PLATEAU) {
  const points = lossCurve(snapshots);
  const n = points.length;
  if (n < 3) return null;
  const span = totalSteps || points[n - 1].step;
  const loss = smoothed(points, settings.smooth * span);
  const whole = loss[0] - Math.min(...loss);
  if (!(whole > 0)) return null;
  const rate = loss.slice(0, -1).map((l, i) => (l - loss[i + 1]) / (points[i + 1].step - points[i].step));
  const plateauBefore = (drop) => {
    const slow = (k) => rate[k] <= settings.slower * rate[drop];
    for (let k = drop - 1; k >= 0;) {
      while (k >= 0 && !slow(k)) k--;
      if (k < 0) return null;
      const last = k;
      while (k >= 0 && slow(k)) k--;
      const from = k + 1;
      const to = last + 1;
      if (points[to].step - points[from].step >= settings.plateau * span) return { from, to };
    }
    return null;
  };
  let best = null;
  for (let d = 0; d < n - 1; d++) {
    if (rate[d] <= 0 || (best && rate[d] <= rate[best.d])) continue;
    const plateau = plateauBefore(d);
    if (!plateau || loss[plateau.to] - Math.min(...loss.slice(d)) < settings.fall * whole) continue;
    best = { d, plateau };
  }
  if (!best) return null;
  const { from, to } = best.plateau;
  const flat = points.slice(from, to + 1);
  return {
    plateauFrom: points[from].step,
    plateauTo: points[to].step,
    plateauLoss: flat.reduce((sum, p) => sum + p.loss, 0) / flat.length,
    plateauRatePer100: ((loss[from] - loss[to]) / (points[to].step - points[from].step)) * 100,
    dropStep: points[best.d + 1].step,
    ratePer100: rate[best.d] * 100,
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
