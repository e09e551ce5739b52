// Typesets the bundled book's formulas once, at build time, so chapter pages arrive with their math
// ready instead of loading KaTeX and typesetting a hundred formulas on the reader's phone.
//
//   node src/build/typeset-math.mjs KATEX_JS FORMULAS_JSON OUT_JSON OUT_CSS
//
// FORMULAS_JSON lists what the pages hold: [{ key, tex, form }], form "inline", "tail" (inline math
// followed by punctuation it must keep on its line) or "display". OUT_JSON maps each key to KaTeX's
// HTML; a display formula also gets "B:" + tex, the same formula allowed to break across lines (what
// fit.js shows when it is wider than the screen). KaTeX writes sizes and offsets as style attributes,
// which the book's Content-Security-Policy (style-src 'self') refuses; so each distinct style becomes
// a class, and OUT_CSS holds those classes. A formula KaTeX refuses is left out: the page then
// typesets it in the browser, which shows the error where the formula is.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [katexFile, formulasFile, outJson, outCss] = process.argv.slice(2);
const katex = createRequire(import.meta.url)(katexFile);
const { Span } = katex.__domTree;
const formulas = JSON.parse(readFileSync(formulasFile, 'utf8'));

const styleClasses = new Map();   // "height:0.6944em;" -> "ks3"

/** Moves every inline style of the tree into a class of its own, shared by all trees with that style. */
function classesForStyles(node) {
  // A symbol writes its italic correction as a style of its own when it is turned into markup.
  if (node.italic > 0 && node.text !== undefined) {
    node.style = { marginRight: node.italic + 'em', ...node.style };
    node.italic = 0;
  }
  const style = node.style && Object.entries(node.style).filter(([, value]) => value !== undefined && value !== '');
  if (style && style.length > 0) {
    const css = style.map(([name, value]) => `${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}:${value}`).join(';');
    if (!styleClasses.has(css)) styleClasses.set(css, 'ks' + styleClasses.size);
    node.classes.push(styleClasses.get(css));
    node.style = {};
  }
  for (const child of node.children || []) classesForStyles(child);
}

/** Wraps the last box of an inline formula so the punctuation after it cannot wrap onto the next line (as math.js does). */
function holdLastBox(tree) {
  const html = tree.children.find((c) => c.classes?.includes('katex-html'));
  const last = html?.children.pop();
  if (last) html.children.push(new Span(['math-tail'], [last]));
}

function typeset(tex, displayMode, tail) {
  const tree = katex.__renderToDomTree(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
  if (tail) holdLastBox(tree);
  classesForStyles(tree);
  const markup = tree.toMarkup();
  if (/\sstyle="/.test(markup)) throw new Error('a style attribute is left in ' + tex);
  return markup;
}

const out = {};
const refused = [];
for (const { key, tex, form } of formulas) {
  try {
    out[key] = typeset(tex, form === 'display', form === 'tail');
    if (form === 'display') out['B:' + tex] = typeset('\\displaystyle ' + tex, false, false);
  } catch (err) {
    refused.push(`${tex}: ${err.message}`);
  }
}
// !important: an inline style outranks every rule of katex.min.css, and these classes stand in for one.
const css = [...styleClasses].map(([style, name]) => `.katex .${name}{${style.split(';').map((d) => d + ' !important').join(';')}}`);
writeFileSync(outJson, JSON.stringify({ katex: katex.version, formulas: out }));
writeFileSync(outCss, '/* KaTeX\'s inline styles of the formulas typeset at build time (src/build/typeset-math.mjs) */\n' + css.join('\n') + '\n');
console.log(`typeset ${Object.keys(out).length} formulas with KaTeX ${katex.version}, ${styleClasses.size} style classes`
  + (refused.length ? `; left to the browser: ${refused.join(' | ')}` : ''));
