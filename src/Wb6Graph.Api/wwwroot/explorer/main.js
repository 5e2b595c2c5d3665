// Wires the explorer together. The view is a function of `state` (mirrored in the URL): every change
// updates the state, then redraws what depends on it from fresh GraphQL answers.
import { run, graphDocument } from './api.js';
import { start as startAnswer, canvasAnswer, vocabulary } from './boot.js';
import { Canvas } from './graph.js';
import { kinds, swatch } from './kinds.js';
import { readState, writeState, startFrom, keepKnownNames } from './state.js';
import { attachSearch } from './search.js';
import { attachAsOf } from './asof.js';
import { loadEntity, renderEntity } from './details.js';
import { loadPaths, pathElements, renderPaths, attachPathsForm } from './paths.js';
import { loadGaps, renderGaps, loadEvidence, renderEvidence } from './gaps.js';
import { esc, lifeOn } from './render.js';
import { attachSharing } from './share.js';
import { attachKeyboard, attachList } from './keyboard.js';

const $ = id => document.getElementById(id);
const state = readState(location.search);
const docs = {};
const names = new Map();
let pathResult = null, generation = 0, latest = {}, firstDraw = true, relationTypes = [], kindNames = [], top = [];
// The neighbourhood shown on a first visit gives way to the first entity the person opens.
let startingView = false;

const status = (text, error = false) => {
  const el = $('status');
  // Each message replaces the last, whose question is gone; a refresh gathers its own problems into one (see refresh).
  el.textContent = text;
  el.className = `show${error ? ' error' : ''}`;
  clearTimeout(status.timer);
  // Long enough to read: a link with several bad parts names each.
  status.timer = setTimeout(() => { el.className = ''; }, error ? Math.max(6000, text.length * 60) : 2500);
};
const busy = on => { document.body.dataset.busy = String(on); };
const save = () => history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
const countryName = id => names.get(id) ?? id;

const canvas = new Canvas($('cy'), { onSelect: id => select(id), onBackground: () => {} });
attachKeyboard(canvas, { announce: text => { $('canvas-focus').textContent = text; }, onOpen: id => select(id) });
const listed = attachList($('canvas-entities'), $('canvas-list'), $('canvas-count'), { onOpen: id => select(id) });

/**
 * The canvas' answer: the pinned entities and the expanded neighbourhoods (null: nothing to ask). An id the graph does
 * not hold is named and left out of the view and the link, so that the rest still draws: an unknown pin answers null,
 * but an unknown expanded id fails the whole answer (a neighbourhood is never null, so the data is null), which is
 * asked again without it. A link left with nothing starts where a first visit does.
 */
async function canvasData(current, problems) {
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
    startingView ||= started;
    return answered;
  }
}

async function drawGraph(current, problems) {
  const entities = new Map(), relations = new Map();
  const data = await canvasData(current, problems);
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
  if (pathResult) {
    const p = pathElements(pathResult.paths);
    p.entities.forEach((e, id) => { if (!entities.has(id)) entities.set(id, e); });
    p.relations.forEach((r, id) => relations.set(id, r));
  }
  const hidden = new Set(state.hidden);
  hidden.forEach(id => entities.delete(id));
  // An entity that did not exist yet on the date keeps its place but loses its relations: the world as it stood then.
  // One that had ended keeps the relations the API still gives on that date: its acts, which stay history.
  const absent = new Set([...entities.values()].filter(e => lifeOn(e, state.asOf) === 'before').map(e => e.id));
  const ended = new Set([...entities.values()].filter(e => lifeOn(e, state.asOf) === 'ended').map(e => e.id));
  for (const [id, r] of relations) {
    if (!entities.has(r.fromId) || !entities.has(r.toId) || absent.has(r.fromId) || absent.has(r.toId)) relations.delete(id);
  }
  // Neighbours reached only through relations dropped above are not part of the picture either.
  const kept = new Set([...state.pinned, ...state.expanded.map(e => e.id), ...(pathResult ? pathElements(pathResult.paths).entities.keys() : [])]);
  relations.forEach(r => { kept.add(r.fromId); kept.add(r.toId); });
  for (const id of entities.keys()) if (!kept.has(id)) entities.delete(id);
  if (firstDraw) performance.mark("explorer:draw-start");
  canvas.draw(entities, relations, { absent, ended, selected: state.selected });
  const onPath = pathResult ? pathElements(pathResult.paths) : null;
  canvas.highlight(onPath ? [...onPath.entities.keys()] : [], onPath ? [...onPath.relations.keys()] : []);
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

async function showDetails(current) {
  const box = $('details');
  if (state.view === 'gaps') {
    if (!state.gap) { box.innerHTML = '<p class="hint">Click a cell of the matrix to read its evidence.</p>'; return; }
    const evidence = await loadEvidence(state.gap, state.asOf);
    if (!current()) return;
    docs.evidence = evidence.document;
    renderEvidence(box, evidence, countryName, state.asOf);
    return;
  }
  if (!state.selected) { box.innerHTML = '<p class="hint">Find an entity above, or click one on the canvas, to read its facts and sources.</p>'; return; }
  const { entity, document } = await loadEntity(state.selected, state.asOf);
  if (!current()) return;
  docs.entity = document;
  renderEntity(box, entity, { asOf: state.asOf, life: lifeOn(entity, state.asOf), kindNames });
}

async function showPaths(current, problems, { link }) {
  const box = $('paths-result');
  pathResult = null;
  docs.paths = null;
  if (!state.path) { box.innerHTML = ''; return; }
  const { from, to } = state.path;
  let result;
  try {
    result = await loadPaths(state.path, state.asOf);
  } catch (error) {
    if (!current()) return;
    // A refused question leaves the view and the link, and the answer to the one before it goes too: the screen shows
    // what the link says. A failure of the moment (a timeout, the network) keeps the question, to ask again. The box
    // keeps the reason, which outlives the message.
    if (error.refused) state.path = null;
    const reason = error.refused
      ? `No paths from "${from}" to "${to}"${link ? ' (path= in the link)' : ''}: ${error.message}.`
      : `The paths from "${from}" to "${to}" could not be asked just now (${error.message}); ask again.`;
    box.innerHTML = `<p class="problem">${esc(reason)}</p>`;
    problems.push(reason);
    return;
  }
  if (!current()) return;
  pathResult = result;
  docs.paths = pathResult.document;
  renderPaths(box, state.path, pathResult, state.asOf);
}

async function showGaps(current) {
  const data = await loadGaps(state.asOf);
  if (!current()) return;
  docs.gaps = data.document;
  renderGaps($('gaps-view'), data, { asOf: state.asOf, open: state.gap });
}

/**
 * Redraws the parts named (all by default); answers that arrive after a newer redraw began are dropped. `link`: the
 * view comes from the page's link, whose `problems` (what it could not read) are said with the refresh's own.
 */
async function refresh(parts = ['paths', 'graph', 'gaps', 'details'], { link = false, problems = [] } = {}) {
  const mine = ++generation;
  // Each part remembers the refresh that last asked for it: an older answer (a slider dragged on) is dropped.
  const asked = Object.fromEntries(parts.map(p => [p, (latest[p] = mine)]));
  const current = part => () => latest[part] === asked[part];
  busy(true);
  save();
  const graphView = state.view === 'graph';
  $('graph-view').hidden = !graphView;
  $('gaps-view').hidden = graphView;
  // The canvas' own tools: paths are drawn on it, and its list is of what it shows.
  $('paths-box').hidden = !graphView;
  $('canvas-entities').hidden = !graphView;
  $('view-graph').setAttribute('aria-pressed', String(graphView));
  $('view-gaps').setAttribute('aria-pressed', String(!graphView));
  const shows = { paths: showPaths, graph: drawGraph, gaps: graphView ? null : showGaps, details: showDetails };
  problems = [...problems];
  try {
    for (const part of Object.keys(shows).filter(p => parts.includes(p) && shows[p])) {
      // A part that fails says why and leaves the others to draw.
      try { await shows[part](current(part), problems, { link }); } catch (error) { problems.push(error.message); }
    }
    // The parts leave out of the link what they could not show.
    save();
    if (mine === generation && problems.length) status(problems.join(' '), true);
  } finally {
    if (mine === generation) busy(false);
  }
}

function select(id) {
  state.selected = id;
  canvas.select(id);
  listed.select(id);
  refresh(['details']);
}

async function open(id) {
  state.view = 'graph';
  if (startingView) { state.expanded = []; startingView = false; }
  state.hidden = state.hidden.filter(h => h !== id);
  if (!state.pinned.includes(id) && !state.expanded.some(e => e.id === id)) state.pinned.push(id);
  state.selected = id;
  await refresh(['graph', 'details']);
  canvas.focus(id);
}

function chosen(selectId) {
  return [...($(selectId)?.selectedOptions ?? [])].map(o => o.value);
}

$('details').addEventListener('click', e => {
  const link = e.target.closest('[data-entity]');
  if (link) { e.preventDefault(); open(link.dataset.entity); return; }
  const around = e.target.closest('[data-expand]');
  if (around) {
    const id = around.dataset.expand;
    startingView = false;
    Object.assign(state, { view: 'graph', selected: id, hidden: state.hidden.filter(h => h !== id) });
    state.expanded = state.expanded.filter(x => x.id !== id).concat({ id, types: [], kinds: [] });
    refresh(['graph', 'details']);
    return;
  }
  const id = state.selected;
  const form = $('paths-form');
  switch (e.target.id) {
    case 'expand':
      startingView = false;
      state.expanded = state.expanded.filter(x => x.id !== id).concat({ id, types: chosen('expand-types'), kinds: chosen('expand-kinds') });
      state.pinned = state.pinned.filter(p => p !== id);
      refresh(['graph']);
      break;
    case 'hide':
      state.hidden.push(id);
      state.pinned = state.pinned.filter(p => p !== id);
      state.expanded = state.expanded.filter(x => x.id !== id);
      state.selected = null;
      refresh(['graph', 'details']);
      break;
    case 'path-from': case 'path-to':
      form.elements[e.target.id === 'path-from' ? 'from' : 'to'].value = id;
      $('paths-box').open = true;
      form.elements[e.target.id === 'path-from' ? 'to' : 'from'].focus();
      break;
  }
});
$('paths-result').addEventListener('click', e => {
  const link = e.target.closest('[data-entity]');
  if (link) { e.preventDefault(); select(link.dataset.entity); }
});

attachPathsForm($('paths-form'), $('paths-clear'), {
  types: () => chosen('paths-types'),
  onAsk: question => { state.path = question; state.view = 'graph'; refresh(['paths', 'graph']); },
  onClear: () => { state.path = null; refresh(['paths', 'graph']); },
  onProblem: message => status(message, true),
});

$('view-graph').addEventListener('click', () => { state.view = 'graph'; refresh(['graph', 'details']); });
$('view-gaps').addEventListener('click', () => { state.view = 'gaps'; refresh(['gaps', 'details']); });
$('gaps-view').addEventListener('click', e => {
  const link = e.target.closest('[data-entity]');
  if (link) { e.preventDefault(); open(link.dataset.entity); return; }
  const cell = e.target.closest('[data-gap]');
  if (!cell) return;
  state.gap = cell.dataset.gap;
  document.querySelectorAll('[data-gap]').forEach(c => c.setAttribute('aria-pressed', String(c === cell)));
  refresh(['details']);
});

attachSharing({
  canvas,
  fileStem: () => `wb6graph${state.asOf ? `-${state.asOf}` : ''}`,
  // The requests behind the view, as they last ran: one named operation each.
  requests: () => (state.view === 'gaps'
    ? [docs.gaps, state.gap && docs.evidence]
    : [docs.canvas, state.path && docs.paths, state.selected && docs.entity]).filter(Boolean),
  status,
});

async function start() {
  busy(true);
  $('legend-kinds').innerHTML = Object.entries(kinds).map(([kind, k]) => `<li>${swatch(kind, 14)} ${esc(k.label)}</li>`).join('');
  attachAsOf($('asof'), $('asof-date'), $('asof-label'), {
    initial: state.asOf,
    onChange: date => { state.asOf = date; refresh(); },
  });
  attachSearch($('search'), $('suggestions'), { onPick: open, asOf: () => state.asOf });
  performance.mark('explorer:modules');
  const meta = await startAnswer;
  performance.mark('explorer:meta');
  const known = vocabulary(meta);
  relationTypes = known.types;
  kindNames = known.kinds;
  keepKnownNames(state, known);
  top = meta.top;
  meta.countries.nodes.forEach(c => names.set(c.id, c.name));
  $('paths-form').elements.types.id = 'paths-types';
  $('paths-types').innerHTML = relationTypes.map(t => `<option value="${t}">${t}</option>`).join('');
  if (state.path) {
    const f = $('paths-form').elements;
    Object.assign(f.from, { value: state.path.from }); f.to.value = state.path.to; f.k.value = state.path.k; f.maxHops.value = state.path.maxHops;
    [...$('paths-types').options].forEach(o => { o.selected = state.path.types.includes(o.value); });
    $('paths-box').open = true;
  }
  startingView = startFrom(state, top);
  await refresh(undefined, { link: true, problems: state.problems });
}

window.explorer = { state, canvas, lastCopied: null };
start().catch(error => { status(error.message, true); busy(false); });
