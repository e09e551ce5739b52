// Whose numbers an exercise shows. A seed in the address, the class's seed, a student's name, or
// this learner's own random seed kept in this browser, as the course's seed policy decides.
const SEED_KEY = 'attentionbook.exercise-seed.';
const STUDENT_KEY = 'attentionbook.student';
const MAX_SEED = 999999999;

export function storedSeed(id) {
  try {
    return localStorage.getItem(SEED_KEY + id);
  } catch (err) {
    return null;
  }
}

export function storeSeed(id, seed) {
  try {
    localStorage.setItem(SEED_KEY + id, String(seed));
  } catch (err) {
    // storage blocked: the new numbers last until the page is reloaded
  }
}

export function storedStudent() {
  try {
    return localStorage.getItem(STUDENT_KEY);
  } catch (err) {
    return null;
  }
}

export function storeStudent(student) {
  try {
    localStorage.setItem(STUDENT_KEY, student);
  } catch (err) {
    // storage blocked: the name lasts until the page is reloaded
  }
}

export function randomSeed() {
  const words = new Uint32Array(1);
  crypto.getRandomValues(words);
  return 1 + (words[0] % MAX_SEED);
}

/**
 * The numbers exercise `id` starts with, from the address and the course's policy:
 * { seed, pinnedSeed, classSeed, student, perStudent, ignoredSeed, needsStudent }. An instructor's
 * key is never read from the address: the login cookie travels with every request by itself.
 */
export function chooseNumbers(id) {
  const params = new URLSearchParams(location.search);
  const choice = {
    pinnedSeed: params.get('seed'),
    student: params.get('student'),
  };
  // The course's seed policy applies when the address chooses nothing.
  const policy = document.body.dataset.seedPolicy || 'open';
  // Under the student policy a student's numbers are theirs alone: a seed in the address is ignored, and said so.
  choice.perStudent = policy === 'student';
  choice.ignoredSeed = choice.perStudent ? choice.pinnedSeed : null;
  if (choice.perStudent) choice.pinnedSeed = null;
  const chosen = choice.pinnedSeed || choice.student;
  choice.classSeed = !chosen && policy === 'class' ? document.body.dataset.classSeed : null;
  if (!chosen && policy === 'student') choice.student = storedStudent();
  choice.needsStudent = !chosen && policy === 'student' && !choice.student;
  choice.seed = choice.pinnedSeed || choice.classSeed || (choice.student ? null : storedSeed(id));
  if (choice.seed === null && !choice.student && !choice.needsStudent) {
    // No seed chosen: this learner's own numbers, kept in this browser so a reload shows them again.
    choice.seed = String(randomSeed());
    storeSeed(id, choice.seed);
  }
  return choice;
}
