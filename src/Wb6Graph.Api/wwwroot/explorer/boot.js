// The first questions. The Start one (vocabulary, countries, where a first visit starts) leaves from a script at the
// top of index.html, while the page is still being read. This module is loaded async, so it runs as soon as it and its
// two imports have arrived, without waiting for Cytoscape.js, and sends the canvas question: at once for a link, on
// the Start answer for a first visit. main.js takes both answers from here.
import { answer, run, graphDocument, sameRequest } from './api.js';
import { readState, startFrom, keepKnownNames } from './state.js';

export const start = answer(window.explorerStart);

/** The API's relation types and entity kinds, from the Start answer. */
export const vocabulary = meta => ({ types: meta.types.enumValues.map(v => v.name), kinds: meta.kinds.enumValues.map(v => v.name) });

const state = readState(location.search);
// A link that filters by relation type or kind waits for the Start answer too, to leave out the names the API does
// not know (as main.js does): the API would refuse the whole request for one of them.
const filtered = state.expanded.some(e => e.types.length || e.kinds.length);
const ready = (state.pinned.length || state.expanded.length) && !filtered
  ? Promise.resolve()
  : start.then(meta => { startFrom(state, meta.top); keepKnownNames(state, vocabulary(meta)); });
let firstCanvas = ready.then(() => {
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
