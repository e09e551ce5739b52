// Small helpers for building the widgets' markup through the DOM, never from HTML strings: the
// strict Content-Security-Policy and text that may come from a shared link both ask for that.

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A table's head: an empty corner cell when corner is true, then a column header for each name. */
export function tableHead(names, corner = false) {
  const row = el('tr');
  if (corner) row.append(el('td'));
  for (const name of names) {
    const th = el('th', null, name);
    th.scope = 'col';
    row.append(th);
  }
  const head = el('thead');
  head.append(row);
  return head;
}

/** A body row: a row header, then the cells (elements). */
export function tableRow(label, cells) {
  const row = el('tr');
  const th = el('th', null, label);
  th.scope = 'row';
  row.append(th, ...cells);
  return row;
}

/** A checkbox with its label; onChange(checked) after each change. */
export function switchBox(text, checked, onChange) {
  const label = el('label', 'widget-switch');
  const box = el('input');
  box.type = 'checkbox';
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  label.append(box, ` ${text}`);
  return label;
}

/**
 * A labelled number input for a whole number from 1 to max, tagged data-field: a valid entry goes
 * to onValue(value); any other is marked aria-invalid and onProblem() says why.
 */
export function countInput(text, field, max, onValue, onProblem) {
  const label = el('label', 'widget-field', `${text} `);
  const input = el('input');
  Object.assign(input, { type: 'number', min: '1', max: String(max), step: '1' });
  input.dataset.field = field;
  input.addEventListener('input', () => {
    const value = input.valueAsNumber;
    const ok = Number.isInteger(value) && value >= 1 && value <= max;
    input.setAttribute('aria-invalid', String(!ok));
    if (ok) onValue(value);
    else onProblem();
  });
  label.append(input);
  return label;
}

/** A labelled select tagged data-field, an option for each value: name of choices; onChange(value) after each choice. */
export function selectBox(text, field, choices, onChange) {
  const label = el('label', 'widget-field', `${text} `);
  const select = el('select');
  select.dataset.field = field;
  for (const [value, name] of Object.entries(choices)) {
    const option = el('option', null, name);
    option.value = value;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  label.append(select);
  return label;
}

/** The note paragraph just after element (made the first time), now saying text. */
export function noteAfter(element, text) {
  let note = element.nextElementSibling;
  if (!note || !note.classList.contains('widget-note')) {
    note = el('p', 'widget-note');
    element.after(note);
  }
  note.textContent = text;
  return note;
}
