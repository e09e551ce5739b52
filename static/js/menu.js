// The header: on narrow screens the chapter list is a menu opened from it (without JavaScript the
// header link simply jumps to the list at the bottom of the page), and its height, which wraps on a
// phone, is kept for what links scroll to.
export function setUpMenu(doc) {
  const button = doc.querySelector('.menu-button');
  const menu = doc.getElementById('chapters');
  if (!button || !menu) return;
  button.setAttribute('role', 'button');
  const setOpen = (open) => {
    button.setAttribute('aria-expanded', String(open));
    doc.body.classList.toggle('menu-open', open);
  };
  button.addEventListener('click', (event) => {
    event.preventDefault();
    const open = button.getAttribute('aria-expanded') !== 'true';
    setOpen(open);
    if (open) menu.querySelector('a')?.focus();
  });
  button.addEventListener('keydown', (event) => {
    if (event.key === ' ') { event.preventDefault(); button.click(); }
  });
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && doc.body.classList.contains('menu-open')) {
      setOpen(false);
      button.focus();
    }
  });
}

/**
 * Keeps the sticky header's height in --header-height, so what a link or the keyboard scrolls to
 * lands below the header instead of under it (type.css: scroll-padding-top).
 */
export function keepHeaderHeight(doc) {
  const header = doc.querySelector('.site-header');
  if (!header || !('ResizeObserver' in window)) return;
  const keep = () => doc.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
  // A link's jump happens as the page starts, before the observer first reports: measure for it now.
  if (location.hash) keep();
  new ResizeObserver(keep).observe(header);
}
