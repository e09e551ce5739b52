// The page address's fragment: a heading's id (#masking) or the widgets' states, one key a widget
// (#qkv={...}&scaling={...}). Widgets read and write their states here; the page jumps to what a
// link names.

function fragmentParts() {
  const hash = location.hash.slice(1);
  return hash ? hash.split('&') : [];
}

/** The state a link holds for this key: an object, null when it cannot be read, undefined when absent. */
export function readFragment(key) {
  for (const part of fragmentParts()) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === key) {
      try {
        const state = JSON.parse(decodeURIComponent(part.slice(eq + 1)));
        return state !== null && typeof state === 'object' && !Array.isArray(state) ? state : null;
      } catch {
        return null;
      }
    }
  }
  return undefined;
}

export function writeFragment(key, state) {
  const parts = fragmentParts().filter((part) => !part.startsWith(`${key}=`));
  if (state) parts.push(`${key}=${encodeURIComponent(JSON.stringify(state))}`);
  const url = parts.length > 0 ? `#${parts.join('&')}` : location.pathname + location.search;
  history.replaceState(history.state, '', url);
}

/** "qkv" for the first qkv widget of a page, "qkv-2" for the second, and so on. */
export function fragmentKey(element) {
  const name = element.dataset.widget;
  const same = [...element.ownerDocument.querySelectorAll(`[data-widget="${name}"]`)];
  const index = same.indexOf(element);
  return index <= 0 ? name : `${name}-${index + 1}`;
}

/**
 * What the fragment points the reader to: the element with its id, else the first widget whose
 * state it holds (a shared link opens at the widget it sets), else null.
 */
export function linkedElement(doc) {
  const id = decoded(location.hash.slice(1));
  const byId = id ? doc.getElementById(id) : null;
  if (byId) return byId;
  return [...doc.querySelectorAll('[data-widget]')].find((w) => readFragment(fragmentKey(w)) !== undefined) || null;
}

/** A fragment as typed may hold a stray % (#50%): it is then taken as it stands. */
function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
