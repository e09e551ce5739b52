// Punctuation that a line break has torn from the inline math it touches: a "(" left at the end of a
// line whose math starts the next, or a ")", ":" or "." starting a line after the math that ends the last.
() => {
  const OPENING = /[(\[{‘“"']$/;
  const CLOSING = /^[.,:;!?)\]}’”"'…]/;
  const rectOf = (text, from, to) => {
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, to);
    return range.getBoundingClientRect();
  };
  const found = [];
  for (const math of document.querySelectorAll('.chapter-body .math:not(.display)')) {
    const lines = math.querySelector('.katex-html')?.getClientRects();
    if (!lines || lines.length === 0) continue;
    const first = lines[0];
    const last = lines[lines.length - 1];
    const before = math.previousSibling;
    if (before?.nodeType === Node.TEXT_NODE && OPENING.test(before.data)) {
      const mark = rectOf(before, before.data.length - 1, before.data.length);
      if (mark.width > 0 && first.top >= mark.bottom - 2) {
        found.push('"' + before.data.slice(-12) + '" ends a line before ' + math.textContent.slice(0, 30));
      }
    }
    const after = math.nextSibling;
    if (after?.nodeType === Node.TEXT_NODE && CLOSING.test(after.data)) {
      const mark = rectOf(after, 0, 1);
      if (mark.width > 0 && mark.top >= last.bottom - 2) {
        found.push('"' + after.data.slice(0, 12) + '" starts a line after ' + math.textContent.slice(0, 30));
      }
    }
  }
  return found;
}
