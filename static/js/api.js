// Talking to the book's API: every URL starts from the base path the page was served under, and
// every failure becomes an ApiProblem carrying the server's own sentence.

export class ApiProblem extends Error {
  /** body: the server's JSON answer, when it sent one (it may name a field, row or col). */
  constructor(message, status, retryAfter, body = null) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    this.body = body;
  }
}

export function apiUrl(path) {
  return (document.body.dataset.base || '') + path;
}

export function getJson(path) {
  return send(path, {});
}

export function postJson(path, body) {
  return send(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function send(path, options) {
  let response;
  try {
    response = await fetch(apiUrl(path), options);
  } catch (err) {
    throw new ApiProblem('The book’s server could not be reached. Check the connection and try again.', 0);
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const message = json && typeof json.error === 'string' ? json.error : `The server answered ${response.status}.`;
    throw new ApiProblem(message, response.status, Number(response.headers.get('Retry-After')) || 0, json);
  }
  return json;
}

/**
 * Runs compute() for the newest edits and hands only the newest answer to apply(). An edit while no
 * request is out asks at once; edits while one is out wait, and only the last of them is sent when
 * the answer comes back, so fast typing costs one request at a time rather than one a keystroke.
 * Each run gets a number, and an answer is dropped once a newer run has started or a newer edit is
 * waiting, so a slow reply never overwrites a newer one. A 429 (too many requests) is retried once the server allows.
 */
export function latestOnly(compute, apply, fail) {
  let counter = 0;
  let inFlight = 0;
  let waiting = false;
  let retry = 0;
  const settled = () => {
    inFlight--;
    if (inFlight === 0 && waiting) {
      waiting = false;
      run();
    }
  };
  const run = () => {
    clearTimeout(retry);
    const id = ++counter;
    inFlight++;
    return compute().then(
      // an answer is dropped when a newer run has started or a newer edit waits for this one to finish
      (result) => { if (id === counter && !waiting) apply(result); },
      (err) => {
        if (id !== counter || waiting) return;
        if (err instanceof ApiProblem && err.status === 429) {
          fail(new ApiProblem(`Too many changes at once: the numbers update again in ${err.retryAfter || 1} s.`, 429));
          retry = setTimeout(run, 1000 * (err.retryAfter || 1));
          return;
        }
        fail(err);
      }).finally(settled);
  };
  return {
    /** After an edit: ask now, or as soon as the answer out there is back. */
    schedule() {
      if (inFlight > 0) waiting = true;
      else run();
    },
    /** Ask now whatever is out there (a reset); resolves when this run's answer has been applied or dropped. */
    now() {
      waiting = false;
      return run();
    },
  };
}
