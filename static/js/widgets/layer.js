// layer: the whole attention sublayer for one followed token, X → norm → Q, K, V → split into heads →
// scores → scale → mask → softmax → A·V → concat → W_O → + X. Every step names its shape and links to
// the chapter that teaches it (titled from the options, by slug); the followed token's row is marked in
// every matrix whose rows are tokens; every computed cell explains itself.
// Numbers from POST /api/layer; explanations from POST /api/attention/explain on what attention read, and from
// POST /api/layer/explain for the norm, the residual and the rotated q and k rows.
// State: {"preset", "tokens", "x", "wq", "wk", "wv", "wo" (or null), "heads", "causal", "scale", "norm", "token": 1 … T},
// and "kv_heads", "window", "rope" when the chapter gives them
import { startWidget } from '../widget.js';
import { el } from '../dom.js';
import { postJson } from '../api.js';
import { checkAttention, checkbox, inputsGroup, isCount, keepOnly, placeComputed } from '../attention.js';

// cells that lie outside attention (the norm, the residual, RoPE's rotated rows) are explained by the layer's own route
const LAYER_CELLS = ['norm', 'residual', 'q_rotated', 'k_rotated'];

export function mount(element) {
  const build = (host) => {
    const s = host.state;
    if (!host.controls.hasChildNodes()) host.controls.append(...controls(host));
    const select = host.controls.querySelector('select[data-field="token"]');
    select.replaceChildren(...s.tokens.map((word, i) => {
      const option = el('option', null, `${i + 1}: ${word}`);
      option.value = String(i + 1);
      return option;
    }));
    select.value = String(s.token);
    host.controls.querySelector('select[data-field="heads"]').value = String(s.heads);
    host.controls.querySelector('[data-field="causal"] input').checked = s.causal;
    host.controls.querySelector('[data-field="norm"] input').checked = s.norm;
    const fields = [{ field: 'x', name: 'X', rowLabels: s.tokens }, { field: 'wq', name: 'W_Q' }, { field: 'wk', name: 'W_K' },
      { field: 'wv', name: 'W_V' }];
    if (s.wo) fields.push({ field: 'wo', name: 'W_O' });
    inputsGroup(host, host.body, fields);
    if (!host.body.querySelector(':scope > .layer-steps')) {
      const following = el('p', 'layer-following');
      following.setAttribute('aria-live', 'polite');
      host.body.append(following, el('ol', 'layer-steps'));
    }
  };

  const controls = (host) => {
    const tokenLabel = el('label', 'widget-field', 'Follow token ');
    const token = el('select');
    token.dataset.field = 'token';
    token.addEventListener('change', () => host.change((s) => { s.token = Number(token.value); }));
    tokenLabel.append(token);
    const headsLabel = el('label', 'widget-field', 'heads ');
    const heads = el('select');
    heads.dataset.field = 'heads';
    for (const h of host.options?.heads ?? [host.state.heads]) {
      const option = el('option', null, String(h));
      option.value = String(h);
      heads.append(option);
    }
    heads.addEventListener('change', () => host.change((s) => { s.heads = Number(heads.value); }));
    headsLabel.append(heads);
    const causal = checkbox(host, 'causal', 'Causal mask');
    causal.dataset.field = 'causal';
    const norm = checkbox(host, 'norm', 'Normalise X first (RMSNorm)');
    norm.dataset.field = 'norm';
    return [tokenLabel, headsLabel, causal, norm];
  };

  const show = (host, view) => {
    const list = host.body.querySelector('.layer-steps');
    const keys = view.steps.map((step) => step.key);
    for (const item of [...list.children]) if (!keys.includes(item.dataset.step)) item.remove();
    view.steps.forEach((step, index) => {
      let item = list.querySelector(`:scope > [data-step="${step.key}"]`);
      if (!item) {
        item = el('li', 'layer-step');
        item.dataset.step = step.key;
        item.append(el('h3', 'layer-title'), el('p', 'layer-formula'), el('div', 'matrix-row'));
      }
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] ?? null);
      item.querySelector('.layer-title').textContent = step.title;
      const formula = item.querySelector('.layer-formula');
      formula.replaceChildren(`${step.formula} `, el('span', 'layer-shape', `→ ${step.shape}`));
      const chapter = host.options?.chapters?.[step.chapter];
      if (chapter) {
        const link = el('a', null, chapter);
        link.href = step.chapter;
        formula.append(' see ', link);
      }
      const row = item.querySelector('.matrix-row');
      const placed = step.matrices.map((m) => {
        const matrix = placeComputed(host, row, {
          name: m.name, key: m.key, values: m.values, rowLabels: m.rows, colLabels: m.cols, scale: m.scale,
          ask: m.explain ? (r, c) => (LAYER_CELLS.includes(m.explain)
            ? ['/api/layer/explain', { ...host.state, explain: { matrix: m.explain, head: m.head, row: r, col: c } }]
            : ['/api/attention/explain', { ...view.explain_body, step: m.explain, head: m.head, row: r, col: c + m.offset }])
            : undefined,
        });
        for (const [r, tr] of [...matrix.querySelectorAll('tbody tr')].entries()) {
          tr.classList.toggle('is-followed', m.rows_are_tokens && r === view.token - 1);
        }
        return matrix.dataset.matrix;
      });
      keepOnly(row, placed);
    });
    host.body.querySelector('.layer-following').textContent =
      `Following token ${view.token} (${view.tokens[view.token - 1]}): its row is outlined in every step.`;
  };

  return startWidget(element, {
    label: 'Attention layer widget',
    check: (state, chapter, options) => checkAttention(state, chapter) && typeof state.norm === 'boolean'
      && (options?.heads ?? []).includes(state.heads) && isCount(state.token, state.x.length),
    build,
    compute: (state) => postJson('/api/layer', state),
    show,
  });
}
