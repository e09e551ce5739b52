// Typesets the TeX that the server left in <span class="math"> and <div class="math display">.
// The bundled chapters' formulas arrive typeset (the build typesets them: TypesetMath); what is
// left here is an instructor's own chapters, and the math that widgets and exercises write.
// katex.render sets styles through the CSSOM, which the strict Content-Security-Policy allows.
//
// A chapter holds a hundred formulas or more, and typesetting them all at once kept a phone from
// answering for a third of a second. So KaTeX (the minified build) loads in a task of its own after
// the page's first paint, only when a formula waits for it; the formulas on screen are typeset first,
// and the rest in short slices while the browser is idle, those scrolled near first: no task runs long.
// Printing typesets whatever is left before the page is laid out for paper.

import { rendered } from './rendered.js';

/** Milliseconds of typesetting in one slice: a phone, four times slower, still stays under 50 ms. */
const SLICE_MS = 8;
/** How far outside the screen a formula counts as coming into view (typeset ahead of the scroll). */
const AHEAD = '100%';

let katex = null;
let loading = null;

/** KaTeX, loaded once: its UMD build defines self.katex. */
function loadKatex() {
  loading ||= import('../vendor/katex/katex.min.js').then(() => { katex = self.katex; });
  return loading;
}

/** Typesets every formula under root at once (or as soon as KaTeX has loaded): for short texts such as an exercise's. */
export function typesetMath(root) {
  if (!katex) {
    loadKatex().then(() => typesetMath(root));
    return;
  }
  for (const el of root.querySelectorAll('.math:not([data-typeset])')) typesetOne(el);
}

/**
 * Typesets every formula under doc in slices: those on screen first, the others while the browser
 * is idle, and all that remain when the page is printed. onTypeset(elements) runs after each slice,
 * so the page can fit what changed width. Formulas added later (widgets) are picked up by calling
 * typesetLazily again.
 */
export function typesetLazily(doc, onTypeset) {
  const waiting = [...doc.querySelectorAll('.math:not([data-typeset])')];
  if (waiting.length === 0) return;
  const queue = new LazyQueue(waiting, onTypeset);
  queue.watchPrinting();
  loadKatex().then(() => queue.start());
}

/** Formulas waiting to be typeset, in document order; those scrolled near move to the front. */
class LazyQueue {
  constructor(elements, onTypeset) {
    this.elements = elements;
    this.onTypeset = onTypeset;
    this.near = new Set();
    this.scheduled = null;   // 'soon' or 'idle' while a slice is pending
  }

  watchPrinting() {
    const printNow = () => {
      if (katex) this.finish();
    };
    window.addEventListener('beforeprint', printNow);
    // Printing to PDF from a driven browser applies the print media without a beforeprint event.
    window.matchMedia('print').addEventListener('change', (event) => { if (event.matches) printNow(); });
  }

  start() {
    // rendered() first: measuring a formula in a block far from the screen would lay the block out.
    for (const el of this.elements) if (rendered(el) && onScreen(el)) this.near.add(el);
    if ('IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.near.add(entry.target);
        this.schedule();
      }, { rootMargin: `${AHEAD} 0px` });
      this.elements.forEach((el) => this.observer.observe(el));
    }
    this.schedule();
  }

  /**
   * The next slice: soon while formulas on screen wait, else when the browser is idle. A formula
   * scrolled near while an idle slice is pending brings the slice forward: it would otherwise wait
   * for the idle slice, up to two seconds on a busy page.
   */
  schedule() {
    if (this.elements.length === 0) return;
    const soon = this.near.size > 0 || !window.requestIdleCallback;
    if (this.scheduled === 'soon' || (this.scheduled === 'idle' && !soon)) return;
    if (this.scheduled === 'idle') cancelIdleCallback(this.idle);
    if (soon) {
      this.scheduled = 'soon';
      setTimeout(() => {
        this.scheduled = null;
        this.slice(SLICE_MS);
      });
      return;
    }
    this.scheduled = 'idle';
    this.idle = requestIdleCallback((deadline) => {
      this.scheduled = null;
      this.slice(Math.min(SLICE_MS, deadline.timeRemaining()));
    }, { timeout: 2000 });
  }

  /** Typesets for about budget ms, formulas coming into view first, then schedules the next slice. */
  slice(budget) {
    const end = performance.now() + Math.max(budget, 2);
    const done = [];
    for (const el of this.near) {
      this.near.delete(el);
      if (el.dataset.typeset) continue;
      typesetOne(el);
      done.push(el);
      if (performance.now() >= end) break;
    }
    while (performance.now() < end && this.elements.length > 0) {
      const el = this.elements.shift();
      if (el.dataset.typeset || !el.isConnected) continue;
      typesetOne(el);
      done.push(el);
    }
    this.forget(done);
    if (done.length > 0) this.onTypeset(done);
    this.schedule();
  }

  /** Everything at once: the page is about to be printed. */
  finish() {
    const done = this.elements.filter((el) => !el.dataset.typeset && el.isConnected);
    done.forEach(typesetOne);
    this.elements = [];
    this.forget(done);
    if (done.length > 0) this.onTypeset(done);
  }

  forget(done) {
    if (this.observer) done.forEach((el) => this.observer.unobserve(el));
    if (this.elements.length > 0 && this.elements[0].dataset.typeset) this.elements = this.elements.filter((el) => !el.dataset.typeset);
  }
}

function onScreen(el) {
  const box = el.getBoundingClientRect();
  return box.bottom >= 0 && box.top <= window.innerHeight;
}

function typesetOne(el) {
  const tex = el.textContent;
  try {
    const display = el.classList.contains('display');
    render(el, tex, display);
    if (display) el.dataset.tex = tex;
    else holdLastBox(el);
    el.dataset.typeset = 'true';
  } catch (err) {
    // Leave the TeX readable and say what is wrong, rather than showing nothing.
    el.textContent = tex;
    el.classList.add('math-error');
    el.title = err.message;
    el.dataset.typeset = 'failed';
    console.warn('math could not be typeset:', tex, err.message);
  }
}

/**
 * A display equation too wide for its box, typeset so that it may break: KaTeX breaks text-style
 * math after a relation (=, ∈) or an operator (+, ·) at its top level, as it does in a paragraph;
 * display style keeps its fractions and sums full size. An equation typeset at build time brings
 * its broken form along in a <template>, so no KaTeX is needed here.
 */
export function breakEquation(el) {
  if (!el.dataset.tex || el.dataset.broken) return;
  const other = el.querySelector(':scope > template.math-broken');
  if (other) swapWith(el, other);
  else render(el, '\\displaystyle ' + el.dataset.tex, false);
  el.dataset.broken = 'true';
}

/** The equation on one line again, so it can be measured afresh (after the window changes width). */
export function unbreakEquation(el) {
  if (!el.dataset.broken) return;
  const other = el.querySelector(':scope > template.math-broken');
  if (other) swapWith(el, other);
  else render(el, el.dataset.tex, true);
  delete el.dataset.broken;
}

/** Shows the typesetting kept in the template and keeps the one that was shown there instead. */
function swapWith(el, template) {
  const shown = [...el.childNodes].filter((node) => node !== template);
  const kept = [...template.content.childNodes];
  template.content.replaceChildren(...shown);
  el.prepend(...kept);
}

/**
 * Keeps the punctuation after inline math on the math's line. KaTeX's line breaks fall after its
 * top-level boxes, and Chromium lets the box's parent, not the .math-run around it, decide whether
 * a line may break after a box; so the last box gets a nowrap parent of its own (.math-tail).
 */
function holdLastBox(el) {
  if (!el.parentElement?.classList.contains('math-run') || !el.nextSibling) return;
  const last = el.querySelector('.katex-html')?.lastElementChild;
  if (!last) return;
  const tail = document.createElement('span');
  tail.className = 'math-tail';
  last.before(tail);
  tail.append(last);
}

function render(el, tex, displayMode) {
  katex.render(tex, el, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
}
