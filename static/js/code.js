// Code beside the math: a worked example's "The math / NumPy / PyTorch" become ARIA tabs (arrow keys,
// Home and End move between them), and every code block gets a Copy button.
let made = 0;

export function setUpExampleTabs(root) {
  for (const box of root.querySelectorAll('.example-tabs:not([data-tabs-ready])')) {
    box.dataset.tabsReady = '';
    const n = ++made;
    const panels = [...box.children].filter((el) => el.classList.contains('example-panel'));
    const list = document.createElement('div');
    list.className = 'example-tablist';
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', 'The worked example as');
    const tabs = panels.map((panel, i) => {
      const shown = asPanel(panel);
      shown.id = `example-${n}-panel-${i}`;
      shown.setAttribute('role', 'tabpanel');
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'example-tab';
      tab.id = `example-${n}-tab-${i}`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', shown.id);
      tab.textContent = panel.dataset.tab;
      shown.setAttribute('aria-labelledby', tab.id);
      shown.tabIndex = 0;
      list.append(tab);
      return { tab, panel: shown };
    });
    const select = (index, focus) => {
      tabs.forEach(({ tab, panel }, i) => {
        const on = i === index;
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
        panel.hidden = !on;
      });
      if (focus) tabs[index].tab.focus();
    };
    list.addEventListener('click', (event) => {
      const at = tabs.findIndex(({ tab }) => tab === event.target.closest('[role="tab"]'));
      if (at >= 0) select(at, true);
    });
    list.addEventListener('keydown', (event) => {
      const at = tabs.findIndex(({ tab }) => tab === document.activeElement);
      if (at < 0) return;
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      select((to + tabs.length) % tabs.length, true);
    });
    box.prepend(list);
    select(0, false);
  }
}

/** A <details> program becomes a plain panel (the tab now names it); the math panel is already one. */
function asPanel(panel) {
  if (panel.tagName !== 'DETAILS') return panel;
  const div = document.createElement('div');
  div.className = panel.className;
  div.dataset.tab = panel.dataset.tab;
  div.append(...[...panel.childNodes].filter((node) => node.nodeName !== 'SUMMARY'));
  panel.replaceWith(div);
  return div;
}

export function setUpCopyButtons(root) {
  for (const code of root.querySelectorAll('main pre > code')) {
    const pre = code.parentElement;
    if (pre.previousElementSibling?.classList.contains('code-tools')) continue;
    // a bar above the block, not a wrapper around it: the page's fitting finds its blocks as they are
    const bar = document.createElement('div');
    bar.className = 'code-tools';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy the code');
    const said = document.createElement('span');
    said.className = 'visually-hidden';
    said.setAttribute('aria-live', 'polite');
    bar.append(button, said);
    pre.before(bar);
    let timer = null;
    button.addEventListener('click', async () => {
      let copied = false;
      try {
        await navigator.clipboard.writeText(code.textContent);
        copied = true;
      } catch (err) {
        // no clipboard (an insecure origin, or permission refused): select the code for Ctrl+C instead
        const range = document.createRange();
        range.selectNodeContents(code);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
      }
      button.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C';
      button.classList.toggle('copied', copied);
      said.textContent = copied ? 'Copied to the clipboard' : 'The code is selected; press Ctrl+C to copy it';
      clearTimeout(timer);
      timer = setTimeout(() => {
        button.textContent = 'Copy';
        button.classList.remove('copied');
        said.textContent = '';
      }, 2000);
    });
  }
}
