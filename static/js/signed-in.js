// Who this browser is signed in as, when the course has a roster and the student opened their
// personal link. The cookie that says so is HttpOnly, so the page asks the server, once a page.
import { apiUrl, getJson } from './api.js';
import { el } from './dom.js';

let asked = null;

/** { id, name } of the linked student, or null (no roster, no link, or the server could not say). */
export function linkedStudent() {
  if (asked === null) {
    asked = document.body.dataset.classRecords
      ? getJson('/api/student').then((me) => (me && me.signedIn ? { id: me.id, name: me.name } : null), () => null)
      : Promise.resolve(null);
  }
  return asked;
}

/** The "Signed in as NAME (this browser)" line with its sign-out button, at the top of the page's text. */
export async function showSignedIn(doc) {
  const me = await linkedStudent();
  const main = doc.querySelector('main');
  if (!me || !main) return;
  const line = el('div', 'signed-in');
  line.append(el('p', null, `Signed in as ${me.name} (this browser)`));
  const form = el('form', 'sign-out');
  form.method = 'post';
  form.action = apiUrl('/sign-out');
  const button = el('button', null, 'Sign out');
  button.type = 'submit';
  form.append(button);
  line.append(form);
  main.prepend(line);
}
