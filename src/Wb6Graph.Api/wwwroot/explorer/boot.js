// The first questions. The Start one (vocabulary, countries, where a first visit starts) leaves from a script at the
// top of index.html, while the page is still being read. This module is loaded async, so it runs as soon as it and its
// two imports have arrived, without waiting for Cytoscape.js, and sends the canvas question: at once for a link, on
// the Start answer for a first visit. main.js takes both answers from here.
import { answer, run, graphDocument, sameRequest } from './api.js';
import { readState, startFrom } from './state.js';

export const start = answer(window.explorerStart);

const state = readState(location.search);
let firstCanvas = (state.pinned.length || state.expanded.length ? Promise.resolve() : start.then(meta => startFrom(state, meta.top)))
  .then(() => {
    const request = graphDocument(state);
    return { request, answer: request ? run(request) : null };
  });
// main.js reports a failure when it asks; until then an early failure is not an unhandled one.
start.catch(() => {});
firstCanvas.then(c => c.answer?.catch(() => {}), () => {});

/** The canvas answer for a request: the one already on its way if it is the first view's, else a new one. */
export async function canvasAnswer(request) {
  const early = firstCanvas;
  firstCanvas = null;
  const sent = early && (await early);
  return sameRequest(sent?.request, request) ? sent.answer : run(request);
}
