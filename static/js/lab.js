// The lab page: choose a task and a few knobs, train, and watch the loss, the accuracy and every
// head's attention change, live from the server's event stream; then replay the snapshots with the
// timeline and ask the trained model about a sequence of your own. Every number comes from the server.

import { postJson, apiUrl, ApiProblem } from './api.js';
import { AttentionMaps } from './lab/maps.js';
import { showConfig, showProbe, showPhases, showPrediction } from './lab/views.js';
import { drawChart } from './lab/chart.js';
import { findPlateauAndDrop } from './lab/phases.js';
import { showWidgetLinks } from './lab/widget-links.js';
import { formatNumber } from './matrix.js';

const KNOBS = ['seed', 'steps', 'layers', 'heads', 'd_model'];
/** Snapshots a run with its steps changed aims for, so that a short run still has a timeline. */
const SNAPSHOTS_WANTED = 20;

const $ = (id) => document.getElementById(id);
const form = $('lab-form');
const state = { run: null, snapshots: [], current: 0, follow: true, source: null, phase: null };
const probeMaps = new AttentionMaps($('lab-maps'), { idPrefix: 'probe', readout: $('lab-cell'), numbers: false });
const predictMaps = new AttentionMaps($('lab-predict-maps'), { idPrefix: 'predict', readout: $('lab-predict-cell'), numbers: false });

function task() {
  return form.querySelector('input[name="task"]:checked');
}

function fillDefaults() {
  const chosen = task();
  for (const knob of KNOBS) {
    $(`knob-${knob}`).value = chosen.dataset[knobKey(knob)];
    clearError(knob);
  }
  $('lab-task-about').textContent = chosen.dataset.description;
}

function knobKey(knob) {
  return knob === 'd_model' ? 'dModel' : knob;
}

function clearError(knob) {
  const input = $(`knob-${knob}`);
  input.removeAttribute('aria-invalid');
  $(`error-${knob}`).textContent = '';
}

function showError(message) {
  // the API names the field first ("d_model must be from 8 to 64, got 4"; "heads must divide d_model: …")
  let field = null;
  let at = Infinity;
  for (const knob of KNOBS.concat('snapshot_every')) {
    const i = message.indexOf(knob);
    if (i >= 0 && i < at) {
      at = i;
      field = knob === 'snapshot_every' ? 'steps' : knob;
    }
  }
  if (field) {
    $(`knob-${field}`).setAttribute('aria-invalid', 'true');
    $(`error-${field}`).textContent = message;
    $(`knob-${field}`).focus();
  } else {
    $('lab-form-error').textContent = message;
  }
}

/** The request: the task, and each knob the reader changed from the task's default. */
function body() {
  const chosen = task();
  const request = { task: chosen.value };
  for (const knob of KNOBS) {
    const input = $(`knob-${knob}`);
    if (input.validity.badInput) throw new ApiProblem(`${knob} must be a number`, 400);
    if (input.value === '' || Number(input.value) === Number(chosen.dataset[knobKey(knob)])) continue;
    request[knob] = Number(input.value);
  }
  if (request.steps !== undefined) request.snapshot_every = Math.max(1, Math.ceil(request.steps / SNAPSHOTS_WANTED));
  return request;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  KNOBS.forEach(clearError);
  $('lab-form-error').textContent = '';
  let created;
  let request;
  try {
    request = body();
    created = await postJson('/api/lab/runs', request);
  } catch (err) {
    showError(err.message);
    return;
  }
  // the address keeps the run's settings, so a reload or a shared link reopens the same run
  const { snapshot_every: _, ...settings } = request;
  history.replaceState(null, '', `#${new URLSearchParams(settings)}`);
  await follow(created.id);
});

/** Settings from the address (#task=induction&steps=400), as a Train press left them: train (or reopen) that run. */
function restoreFromAddress() {
  const settings = new URLSearchParams(location.hash.slice(1));
  const radio = settings.has('task') && form.querySelector(`input[name="task"][value="${CSS.escape(settings.get('task'))}"]`);
  if (!radio) return;
  radio.checked = true;
  fillDefaults();
  for (const knob of KNOBS) {
    if (settings.has(knob)) $(`knob-${knob}`).value = settings.get(knob);
  }
  form.requestSubmit();
}
form.addEventListener('change', (event) => {
  if (event.target.name === 'task') fillDefaults();
});
$('lab-defaults').addEventListener('click', fillDefaults);

async function follow(id) {
  if (state.source) state.source.close();
  state.snapshots = [];
  state.follow = true;
  let status;
  try {
    status = await getJson(`/api/lab/runs/${id}`);
  } catch (err) {
    $('lab-form-error').textContent = err.message;
    return;
  }
  state.run = status;
  $('lab-run').hidden = false;
  $('lab-predict-result').hidden = true;
  $('lab-predict-error').textContent = '';
  const radio = form.querySelector(`input[name="task"][value="${status.config.task}"]`);
  $('lab-predict-input').value = radio.dataset.probe;
  $('lab-predict-hint').textContent = `Up to ${status.config.context} tokens from: ${radio.dataset.vocabulary}`;
  showConfig($('lab-config'), status.config, apiUrl(`/api/lab/runs/${id}/weights`));
  status.snapshots.forEach(addSnapshot);
  showStatus(status);
  if (status.status === 'queued' || status.status === 'training') listen(id);
}

function listen(id) {
  const source = new EventSource(apiUrl(`/api/lab/runs/${id}/events`));
  state.source = source;
  source.addEventListener('snapshot', (e) => addSnapshot(JSON.parse(e.data)));
  source.addEventListener('status', (e) => showStatus(JSON.parse(e.data)));
  source.addEventListener('end', (e) => {
    source.close();
    showStatus(JSON.parse(e.data));
  });
  source.addEventListener('error', () => {
    // the stream broke before the end (a restart, a proxy): ask again, it replays every snapshot
    source.close();
    if (state.source === source) setTimeout(() => { if (state.source === source) listen(id); }, 2000);
  });
}

async function getJson(path) {
  const response = await fetch(apiUrl(path)).catch(() => null);
  const json = response ? await response.json().catch(() => null) : null;
  if (!response || !response.ok) {
    throw new ApiProblem(json && json.error ? json.error : 'The book’s server could not be reached.', response ? response.status : 0);
  }
  return json;
}

function addSnapshot(snapshot) {
  const last = state.snapshots[state.snapshots.length - 1];
  if (last && snapshot.step <= last.step) return;            // a replay after a reconnect
  state.snapshots.push(snapshot);
  state.phase = findPlateauAndDrop(state.snapshots, state.run.config.steps);
  const slider = $('lab-timeline');
  slider.max = String(state.snapshots.length - 1);
  slider.disabled = state.snapshots.length < 2;
  if (state.follow) state.current = state.snapshots.length - 1;
  showSnapshot();
}

function showSnapshot() {
  const s = state.snapshots[state.current];
  const slider = $('lab-timeline');
  slider.value = String(state.current);
  const steps = state.run.config.steps;
  slider.setAttribute('aria-valuetext', `step ${s.step} of ${steps}`);
  $('lab-step').textContent = `Step ${s.step} of ${steps}: loss ${formatNumber(s.loss, 3)}, accuracy ${formatNumber(s.accuracy, 2)}`
    + ` (snapshot ${state.current + 1} of ${state.snapshots.length})`;
  drawChart($('lab-chart'), { snapshots: state.snapshots, steps, current: state.current, phase: state.phase });
  showPhases($('lab-phases'), state.phase, state.snapshots);
  showProbe($('lab-probe'), s.probe);
  probeMaps.show(s.probe.tokens, s.probe.layers);
}

$('lab-timeline').addEventListener('input', (e) => {
  state.current = Number(e.target.value);
  state.follow = state.current === state.snapshots.length - 1;
  showSnapshot();
});

function showStatus(status) {
  state.run = { ...state.run, status: status.status };
  const words = {
    queued: `Waiting for a free trainer: position ${status.position ?? 1} in the queue.`,
    training: `Training: step ${status.step} of ${status.steps}.`,
    done: `Done: ${status.steps} steps trained.`,
    failed: `The run failed: ${status.message || 'no reason given'}.`,
  };
  $('lab-status').textContent = words[status.status] || status.status;
  $('lab-status').dataset.status = status.status;
  const done = status.status === 'done';
  $('lab-weights').hidden = !done;
  $('lab-predict').hidden = !done;
  $('lab-widgets').hidden = !done;
  if (done && $('lab-widgets').dataset.run !== state.run.id) loadWidgetLinks(state.run.id);
}

async function loadWidgetLinks(id) {
  const box = $('lab-widgets');
  box.dataset.run = id;
  try {
    const answer = await getJson(`/api/lab/runs/${id}/widgets`);
    if (state.run?.id === id) showWidgetLinks($('lab-widget-links'), answer);
  } catch (err) {
    delete box.dataset.run;
    $('lab-widget-links').textContent = err.message;
  }
}

$('lab-table-view').addEventListener('change', (e) => {
  probeMaps.setNumbers(e.target.checked);
  predictMaps.setNumbers(e.target.checked);
});

$('lab-predict-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('lab-predict-input');
  $('lab-predict-error').textContent = '';
  input.removeAttribute('aria-invalid');
  try {
    const answer = await postJson(`/api/lab/runs/${state.run.id}/predict`, { tokens: input.value });
    $('lab-predict-result').hidden = false;
    showPrediction($('lab-predict-table'), answer);
    predictMaps.show(answer.tokens, answer.layers.map((layer) => layer.heads.map((head) => head.weights)));
  } catch (err) {
    input.setAttribute('aria-invalid', 'true');
    $('lab-predict-error').textContent = err.message;
  }
});

fillDefaults();

restoreFromAddress();
