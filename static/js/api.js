// Talking to the book's API: every URL starts from the base path the page was served under, and
// every failure becomes an ApiProblem carrying the server's own sentence.

export class ApiProblem extends Error {
  constructor(message, status, retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export function apiUrl(path) {
  return (document.body.dataset.base || '') + path;
}

export async function postJson(path, body) {
  let response;
  try {
    response = await fetch(apiUrl(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiProblem('The book’s server could not be reached. Check the connection and try again.', 0);
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const message = json && typeof json.error === 'string' ? json.error : `The server answered ${response.status}.`;
    throw new ApiProblem(message, response.status, Number(response.headers.get('Retry-After')) || 0);
  }
  return json;
}

/**
 * Runs compute() after edits settle and hands only the newest answer to apply(): each run gets a
 * number, and an answer that arrives after a newer run started is dropped, so a slow reply never
 * overwrites a newer one. A 429 (too many requests) is retried once the server says it may be.
 */
export function latestOnly(compute, apply, fail, delay) {
  let timer = 0;
  let counter = 0;
  const run = () => {
    timer = 0;
    const id = ++counter;
    return compute().then(
      (result) => { if (id === counter) apply(result); },
      (err) => {
        if (id !== counter) return;
        if (err instanceof ApiProblem && err.status === 429) {
          fail(new ApiProblem(`Too many changes at once: the numbers update again in ${err.retryAfter || 1} s.`, 429));
          timer = setTimeout(run, 1000 * (err.retryAfter || 1));
          return;
        }
        fail(err);
      });
  };
  return {
    /** Run after delay ms without another edit. */
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    },
    /** Run at once; resolves when this run's answer has been applied (or dropped). */
    now() {
      clearTimeout(timer);
      return run();
    },
  };
}
