// What the canvas shows: the pinned entities, the expanded neighbourhoods and the paths, on the date asked, with the
// entities that did not exist yet or had ended marked; the paths highlighted and a window's changes marked on top.
import { run, graphDocument } from './api.js';
import { canvasAnswer } from './boot.js';
import { Canvas } from './graph.js';
import { startFrom } from './state.js';
import { pathElements } from './paths.js';
import { lifeOn } from './render.js';
import { attachList } from './keyboard.js';
import { changedOnCanvas } from './windows.js';

const $ = id => document.getElementById(id);

export const canvas = new Canvas($('cy'), { onSelect: () => {}, onBackground: () => {} });
export const listed = attachList($('canvas-entities'), $('canvas-list'), $('canvas-count'), { onOpen: id => listed.onOpen?.(id) });

let firstDraw = true;
/** Whether the first graph has been handed to the canvas. */
export const firstDrawDone = () => !firstDraw;

/**
 * The canvas' answer: the pinned entities and the expanded neighbourhoods (null: nothing to ask). An id the graph does
 * not hold is named and left out of the view and the link, so that the rest still draws: an unknown pin answers null,
 * but an unknown expanded id fails the whole answer (a neighbourhood is never null, so the data is null), which is
 * asked again without it. A link left with nothing starts where a first visit does.
 */
async function canvasData({ state, top, session, docs, current, problems }) {
  for (let started = false; ;) {
    docs.canvas = graphDocument(state);
    if (!docs.canvas) return null;
    let data;
    try {
      data = await (firstDraw ? canvasAnswer(docs.canvas) : run(docs.canvas));
    } catch (error) {
      const failed = (error.errors ?? []).map(e => ({ message: e.message, i: /^x(\d+)$/.exec(e.path?.[0] ?? '')?.[1] }));
      if (!error.refused || failed.some(f => f.i === undefined)) throw error;
      if (!current()) return null;
      failed.forEach(({ message, i }) => problems.push(`No neighbourhood for "${state.expanded[i].id}" (x= in the link): ${message}.`));
      state.expanded = state.expanded.filter((_, i) => !failed.some(f => Number(f.i) === i));
      if (!started) started = startFrom(state, top);
      continue;
    }
    if (!current()) return null;
    const answered = { pinned: state.pinned.map((_, i) => data[`p${i}`]).filter(Boolean), expanded: state.expanded.map((_, i) => data[`x${i}`]) };
    const unknown = state.pinned.filter((_, i) => !data[`p${i}`]);
    unknown.forEach(id => problems.push(`No entity has the id "${id}" (pin= in the link).`));
    state.pinned = state.pinned.filter(id => !unknown.includes(id));
    if (!started && startFrom(state, top)) { started = true; continue; }
    session.startingView ||= started;
    return answered;
  }
}

/** Asks for the canvas' answer and draws it. */
export async function drawCanvas({ state, top, session, view, docs, current, problems, status }) {
  const entities = new Map(), relations = new Map();
  const data = await canvasData({ state, top, session, docs, current, problems });
  if (!current()) return;
  if (data) {
    if (firstDraw) performance.mark('explorer:graph-data');
    data.pinned.forEach(e => entities.set(e.id, e));
    data.expanded.forEach(sub => {
      sub.entities.forEach(e => entities.set(e.id, e));
      sub.relations.forEach(r => relations.set(r.id, r));
      if (sub.truncated) status('A neighbourhood was cut at 200 entities.');
    });
  }
  const onPath = view.pathResult ? pathElements(view.pathResult.paths) : null;
  if (onPath) {
    onPath.entities.forEach((e, id) => { if (!entities.has(id)) entities.set(id, e); });
    onPath.relations.forEach((r, id) => relations.set(id, r));
  }
  new Set(state.hidden).forEach(id => entities.delete(id));
  // An entity that did not exist yet on the date keeps its place but loses its relations: the world as it stood then.
  // One that had ended keeps the relations the API still gives on that date: its acts, which stay history.
  const absent = new Set([...entities.values()].filter(e => lifeOn(e, state.asOf) === 'before').map(e => e.id));
  const ended = new Set([...entities.values()].filter(e => lifeOn(e, state.asOf) === 'ended').map(e => e.id));
  for (const [id, r] of relations) {
    if (!entities.has(r.fromId) || !entities.has(r.toId) || absent.has(r.fromId) || absent.has(r.toId)) relations.delete(id);
  }
  // Neighbours reached only through relations dropped above are not part of the picture either.
  const kept = new Set([...state.pinned, ...state.expanded.map(e => e.id), ...(onPath ? onPath.entities.keys() : [])]);
  relations.forEach(r => { kept.add(r.fromId); kept.add(r.toId); });
  for (const id of entities.keys()) if (!kept.has(id)) entities.delete(id);
  if (firstDraw) performance.mark('explorer:draw-start');
  canvas.draw(entities, relations, { absent, ended, selected: state.selected, centres: [...state.expanded.map(e => e.id), ...state.pinned] });
  const shown = onPath && view.pathResult.only !== null ? pathElements(view.pathResult.paths, view.pathResult.only) : onPath;
  canvas.highlight(shown ? [...shown.entities.keys()] : [], shown ? [...shown.relations.keys()] : []);
  if (view.windowChanges) canvas.changes(changedOnCanvas(view.windowChanges, canvas.relationIds()));
  const lone = entities.size === 1 && relations.size === 0 && !absent.size;
  $('graph-hint').hidden = entities.size > 0 && !lone;
  $('graph-hint').textContent = lone
    ? 'Use “Expand neighbours” in the panel to see how it is linked.'
    : 'Nothing on the canvas: find an entity above to start.';
  if (firstDraw && entities.size) {
    firstDraw = false;
    performance.mark('explorer:first-graph');
    // The mark above is the drawing handed to Cytoscape; this one, the frame that puts it on the screen.
    canvas.cy.one('render', () => performance.mark('explorer:first-graph-painted'));
  }
  listed.update(entities, { absent, ended, selected: state.selected });
}
