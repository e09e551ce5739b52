// Starts the live parts a chapter declares: each <div data-widget="NAME"> is handed to
// static/js/widgets/NAME.js, and exercises to exercise.js. A part that fails to start keeps its
// server-rendered content and reports the failure on the console.
const NAME = /^[a-z][a-z-]*$/;

export async function mountWidgets(root) {
  const started = [];
  for (const el of root.querySelectorAll('[data-widget]')) {
    const name = el.dataset.widget;
    if (!NAME.test(name)) continue;
    started.push(import(`./widgets/${name}.js`)
      .then(nextTask)
      .then((module) => module.mount(el))
      .catch((err) => {
        el.classList.add('widget-failed');
        console.error(`The ${name} widget could not start:`, err);
      }));
  }
  const exercises = root.querySelectorAll('[data-exercise]');
  if (exercises.length > 0) {
    started.push(import('./exercise.js')
      .then(nextTask)
      .then((module) => exercises.forEach((el) => module.mount(el)))
      .catch((err) => console.error('Exercises could not start:', err)));
  }
  await Promise.all(started);
}

/**
 * Passes value on in a task of its own. Modules that arrive together would otherwise all start in
 * one task, and a chapter's widgets building their tables at once kept a phone busy for most of a second.
 */
function nextTask(value) {
  return new Promise((resolve) => setTimeout(() => resolve(value)));
}
