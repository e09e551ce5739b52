// "Open in the book's widgets": a finished run's heads as links to the chapters' pipeline widget and its
// layers as links to the multi-head widget and to the decode widget (generating with a KV cache), each link's URL fragment holding the widget's state (the
// layer's X on the probe and the trained W_Q, W_K, W_V, W_O: one head's share of them for the pipeline,
// all of them and the run's heads for the multi-head widget), computed by the server
// (GET /api/lab/runs/{id}/widgets).
import { el } from '../dom.js';

const link = (page, key, state, text) => {
  const a = el('a', 'lab-widget-link', text);
  a.href = `${page}#${key}=${encodeURIComponent(JSON.stringify(state))}`;
  return a;
};

/** Fills container with one line a layer: links to its heads and to the whole layer. */
export function showWidgetLinks(container, answer) {
  container.replaceChildren();
  const cut = answer.tokens < answer.probe_tokens
    ? ` The widgets show at most ${answer.tokens} tokens, so they get the probe's first ${answer.tokens} of its`
      + ` ${answer.probe_tokens}: with the causal mask no token sees a later one, so these rows' weights are`
      + ' exactly the whole probe\'s.'
    : '';
  container.append(el('p', 'lab-widget-note', 'Step through a trained head with the chapters\' pipeline widget, on'
    + ' the probe sequence: X is what the layer\'s attention reads, and the head brings its own columns of W_Q, W_K'
    + ` and W_V and its rows of W_O, so the widget's output is this head's share of the layer's output.`
    + ' Or open a whole layer, all its heads side by side and mixed by W_O, in the multi-head widget, or decode'
    + ' the probe with it one token at a time, its KV cache growing, in the decode widget.' + cut));
  const list = el('ul', 'lab-widget-links');
  for (const layer of answer.layers) {
    const item = el('li', null, `Layer ${layer.layer + 1}: `);
    layer.pipeline.forEach((state, h) => {
      if (h > 0) item.append(', ');
      item.append(link(answer.pipelinePage, 'pipeline', state, `head ${h + 1} in the pipeline widget`));
    });
    const heads = layer.multi_head.heads;
    item.append('; ', link(answer.multiHeadPage, 'multi-head', layer.multi_head,
      `${heads === 1 ? 'its head' : `all ${heads} heads`} in the multi-head widget`));
    item.append('; ', link(answer.decodePage, 'decode', layer.decode, 'decoded token by token with its KV cache'));
    list.append(item);
  }
  container.append(list);
}
