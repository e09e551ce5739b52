// Every box in the chapter that hides part of its content sideways, and whether the reader is told:
// a box that scrolls must show its "scroll →" cue; a box that clips without scrolling hides text for good.
() => {
  const name = (el) => {
    const caption = el.querySelector('caption');
    const label = caption ? caption.textContent.trim() : (el.textContent || '').trim().slice(0, 40);
    return el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' "' + label + '"';
  };
  const found = [];
  for (const el of document.querySelectorAll('main *')) {
    if (el.closest('.visually-hidden, .katex-mathml')) continue;
    if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth <= 1) continue;
    const style = getComputedStyle(el);
    if (style.overflowX === 'visible') continue;
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const cue = getComputedStyle(el, '::before');
    const cued = scrolls && el.classList.contains('is-scrollable') && cue.display !== 'none'
      && cue.content.includes('scroll') && cue.visibility !== 'hidden' && Number(cue.opacity) > 0.5;
    found.push({ box: name(el), hidden: el.scrollWidth - el.clientWidth, scrolls, cued });
  }
  return found;
}
