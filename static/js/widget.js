// What every widget shares: its state (the chapter's, or a shared link's from the URL fragment),
// a frame with the widget's controls, a Reset button and a status line, and the loop edit → request
// → newest answer shown (api.js latestOnly: one request out at a time, the newest answer wins).
// A widget module supplies four functions:
//   check(state, chapter, options) → true when a state from a link has the right form
//   build(host)   → (re)creates the controls and inputs from host.state
//   compute(state) → a promise of the numbers (from the API) for that state
//   show(host, numbers) → puts the numbers on the page
import { latestOnly } from './api.js';
import { updateScrollers } from './scroll.js';
import { el } from './dom.js';
import { readFragment, writeFragment, fragmentKey } from './fragment.js';

/** The shortest time between two changes of the page address. */
const SAVE_MS = 250;

const clone = (value) => JSON.parse(JSON.stringify(value));

/** Starts a widget on its element; resolves once its first numbers are on the page. */
export function startWidget(element, { label, check, build, compute, show }) {
  const chapter = JSON.parse(element.dataset.state);
  const options = element.dataset.options ? JSON.parse(element.dataset.options) : null;
  const key = fragmentKey(element);
  let state = clone(chapter);
  let linkProblem = null;
  const linked = readFragment(key);
  if (linked !== undefined) {
    if (linked !== null && check(linked, chapter, options)) {
      state = linked;
    } else {
      linkProblem = 'The link’s settings for this widget could not be read, so it shows the chapter’s.';
    }
  }

  const frame = el('section', 'widget-frame');
  frame.setAttribute('aria-label', label);
  const toolbar = el('div', 'widget-toolbar');
  const controls = el('div', 'widget-controls');
  const reset = el('button', 'widget-reset', 'Reset');
  reset.type = 'button';
  reset.setAttribute('aria-label', `Reset: back to the chapter’s numbers (${label})`);
  toolbar.append(controls, reset);
  const body = el('div', 'widget-body');
  const status = el('p', 'widget-status');
  status.setAttribute('role', 'status');
  frame.append(toolbar, body, status);
  let revision = 0;
  let pendingRefresh = 0;

  const host = {
    element, key, chapter, options, controls, body,
    get state() { return state; },
    /** Changes the state (mutate(state)), saves it in the URL and recomputes; rebuild redraws the inputs. */
    change(mutate, { rebuild = false, recompute = true } = {}) {
      mutate(state);
      save();
      if (rebuild) build(host);
      if (recompute) live.schedule();
    },
    /** A problem (an input that is no number, a refused state) also marks the numbers below as stale: they belong to an older state. */
    say(message, problem = false) {
      status.textContent = message || '';
      status.classList.toggle('is-problem', Boolean(problem));
      if (problem) body.classList.add('is-stale');
    },
    /** Re-checks which matrices scroll sideways; after the next frame, so that measuring never delays the numbers. */
    refresh() {
      cancelAnimationFrame(pendingRefresh);
      pendingRefresh = requestAnimationFrame(() => updateScrollers(element));
    },
  };

  // Browsers throttle (and complain about) rapid history changes, so a slider's stream of edits is
  // written to the URL at most every SAVE_MS: the first at once, the last when the stream pauses.
  let lastSave = 0;
  let pendingSave = 0;
  const write = () => {
    pendingSave = 0;
    lastSave = performance.now();
    writeFragment(key, JSON.stringify(state) === JSON.stringify(chapter) ? null : state);
  };
  const save = () => {
    if (pendingSave) return;
    const wait = SAVE_MS - (performance.now() - lastSave);
    if (wait <= 0) write();
    else pendingSave = setTimeout(write, wait);
  };

  const live = latestOnly(() => compute(state), (numbers) => {
    show(host, numbers);
    body.classList.remove('is-stale');
    host.say(linkProblem);
    linkProblem = null;
    element.dataset.revision = String(++revision);
    host.refresh();
  }, (err) => {
    body.classList.add('is-stale');
    host.say(err.message, true);
    element.dataset.revision = String(++revision);
  });

  reset.addEventListener('click', () => {
    state = clone(chapter);
    save();
    build(host);
    live.now();
  });

  build(host);
  return live.now().then(() => {
    element.replaceChildren(frame);
    element.classList.add('widget-live');
    updateScrollers(element); // at once: a matrix wider than the page needs its tab stop from the start
  });
}
