// On narrow screens the chapter list is a menu opened from the header. Without JavaScript the
// header link simply jumps to the list at the bottom of the page.
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
