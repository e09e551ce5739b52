// The form that asks for a student's name or ID when the course gives each student their own
// numbers. One name serves the whole page: when any exercise receives it, every waiting one loads.
import { el } from '../dom.js';
import { storeStudent } from './seeds.js';

export const STUDENT_EVENT = 'attentionbook:student';

/** The form for exercise `id`; a valid name is stored and announced to the page with STUDENT_EVENT. */
export function studentForm(id) {
  const form = el('form', 'exercise-student');
  const label = el('label', null, 'Your name or student ID');
  const input = el('input');
  input.type = 'text';
  input.maxLength = 64;
  input.autocomplete = 'off';
  input.id = `student-${id}`;
  label.htmlFor = input.id;
  const button = el('button', null, 'Get my numbers');
  button.type = 'submit';
  const note = el('p', 'exercise-student-note',
    'Your course gives each student their own numbers, made from your name or ID. It stays in this browser.');
  const error = el('p', 'exercise-error');
  error.hidden = true;
  error.id = `student-error-${id}`;
  input.setAttribute('aria-describedby', error.id);
  form.append(note, label, input, button, error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const student = input.value.trim();
    if (student === '' || student.length > 64) {
      error.hidden = false;
      error.textContent = student === '' ? 'Type your name or student ID first.' : 'At most 64 characters, please.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    storeStudent(student);
    document.dispatchEvent(new CustomEvent(STUDENT_EVENT, { detail: student }));
  });
  return form;
}
