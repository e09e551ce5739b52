// Symbols that explain themselves. The server marks each formula that uses symbols of the notation
// table (class has-symbols, aria-describedby naming their meanings in the hidden .symbol-meanings list,
// which screen readers read). Here the formula becomes focusable, and hovering, focusing or tapping it
// shows a tip with each symbol typeset, its meaning and a link to the notation table. The tip sits just
// after the formula, so Tab reaches its link next; Escape closes it.
import * as math from './math.js';

const meanings = document.querySelector('.symbol-meanings');
let tip = null;
let owner = null;
let quiet = null;   // a formula focused again by Escape, whose tip stays closed

function typeset(root) {
  try {
    math.typesetMath?.(root);
  } catch (err) {
    // the tip keeps its TeX readable if typesetting fails
  }
}

function mathSpan(tex) {
  const span = document.createElement('span');
  span.className = 'math';
  span.textContent = tex;
  return span;
}

function buildTip(el) {
  const box = document.createElement('span');
  box.className = 'symbol-tip';
  box.id = 'symbol-tip';
  box.setAttribute('role', 'tooltip');
  for (const id of (el.getAttribute('aria-describedby') || '').split(/\s+/)) {
    const source = id && document.getElementById(id);
    if (!source) continue;
    const row = document.createElement('span');
    row.className = 'symbol-tip-row';
    row.dataset.symbol = id;
    const name = document.createElement('span');
    name.className = 'symbol-tip-name';
    name.append(mathSpan(source.dataset.tex));
    const meaning = document.createElement('span');
    meaning.className = 'symbol-tip-meaning';
    source.dataset.meaning.replaceAll('`', '').split('$').forEach((piece, i, all) => {
      if (!piece) return;
      meaning.append(i % 2 === 1 && i < all.length - 1 ? mathSpan(piece) : document.createTextNode(piece));
    });
    row.append(name, meaning);
    box.append(row);
  }
  const link = document.createElement('a');
  link.className = 'symbol-tip-link';
  link.href = meanings.dataset.notation;
  link.textContent = 'All symbols in the notation table';
  box.append(link);
  return box;
}

function place() {
  if (!tip || !owner) return;
  const at = owner.getBoundingClientRect();
  const width = Math.min(22 * 16, window.innerWidth - 16);
  tip.style.maxWidth = width + 'px';
  const left = Math.max(8, Math.min(at.left, window.innerWidth - tip.offsetWidth - 8));
  const below = at.bottom + 6;
  const top = below + tip.offsetHeight > window.innerHeight && at.top > tip.offsetHeight + 6
    ? at.top - tip.offsetHeight - 6 : below;
  tip.style.left = left + 'px';
  tip.style.top = top + 'px';
}

function show(el) {
  if (owner === el) return;
  hide();
  owner = el;
  tip = buildTip(el);
  el.after(tip);
  typeset(tip);
  place();
  tip.addEventListener('mouseleave', (event) => {
    if (!owner?.contains(event.relatedTarget)) hide();
  });
  tip.addEventListener('focusout', (event) => {
    if (!tip?.contains(event.relatedTarget) && event.relatedTarget !== owner) hide();
  });
}

function hide() {
  tip?.remove();
  tip = null;
  owner = null;
}

/**
 * Sets up a formula's tip. Only a formula that brings a symbol the page has not used before is a Tab
 * stop (a chapter has a hundred formulas and a dozen symbols): the keyboard reaches every symbol's
 * meaning once, and pointer, tap and screen reader (aria-describedby) reach every formula.
 */
function setUp(el, seen) {
  if (el.dataset.symbolTip) return;
  el.dataset.symbolTip = 'true';
  const symbols = el.getAttribute('aria-describedby').split(/\s+/);
  if (symbols.some((id) => !seen.has(id))) el.tabIndex = 0;
  symbols.forEach((id) => seen.add(id));
  el.addEventListener('mouseenter', () => show(el));
  el.addEventListener('mouseleave', (event) => {
    if (!tip?.contains(event.relatedTarget)) hide();
  });
  el.addEventListener('focus', () => {
    if (quiet === el) quiet = null;
    else show(el);
  });
  el.addEventListener('blur', (event) => {
    if (!tip?.contains(event.relatedTarget)) hide();
  });
  el.addEventListener('click', () => show(el));   // a tap on a phone
}

if (meanings) {
  const seen = new Set();
  for (const el of document.querySelectorAll('.has-symbols[aria-describedby]')) setUp(el, seen);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && tip) {
      if (tip.contains(document.activeElement)) {
        quiet = owner;   // back to the formula first, so that focus is not lost with the tip
        owner.focus({ preventScroll: true });
      }
      hide();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (tip && !tip.contains(event.target) && !owner?.contains(event.target)) hide();
  });
  window.addEventListener('scroll', place, { passive: true });
  window.addEventListener('resize', place);
}
