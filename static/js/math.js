// Typesets the TeX that the server left in <span class="math"> and <div class="math display">.
// katex.render sets styles through the CSSOM, which the strict Content-Security-Policy allows.
import katex from '../vendor/katex/katex.mjs';

export function typesetMath(root) {
  for (const el of root.querySelectorAll('.math:not([data-typeset])')) {
    const tex = el.textContent;
    try {
      katex.render(tex, el, {
        displayMode: el.classList.contains('display'),
        throwOnError: true,
        output: 'htmlAndMathml',
      });
      el.dataset.typeset = 'true';
    } catch (err) {
      // Leave the TeX readable and say what is wrong, rather than showing nothing.
      el.textContent = tex;
      el.classList.add('math-error');
      el.title = err.message;
      console.warn('math could not be typeset:', tex, err.message);
    }
  }
}
