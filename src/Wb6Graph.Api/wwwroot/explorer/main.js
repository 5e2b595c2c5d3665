// Wires the explorer together. The view is a function of `state` (mirrored in the URL): every change
// updates the state, then redraws what depends on it from fresh GraphQL answers.
import { start as startAnswer, vocabulary } from './boot.js';
import { kinds, swatch } from './kinds.js';
import { readState, writeState, startFrom, keepKnownNames } from './state.js';
import { attachSearch, setEnd } from './search.js';
import { attachAsOf } from './asof.js';
import { loadEntity, renderEntity, loadPair, renderPair } from './details.js';
import { loadPaths, pathElements, renderPaths, attachPathsForm } from './paths.js';
import { loadGaps, renderGaps, loadEvidence, renderEvidence } from './gaps.js';
import { loadComparison } from './gapcompare.js';
import { esc, lifeOn } from './render.js';
import { attachSharing } from './share.js';
import { attachKeyboard, attachList } from './keyboard.js';
import { typeWords } from './words.js';
import { loadTimeline, renderTimeline, renderEntry, subjects } from './timeline.js';
import { loadChanges, changedOnCanvas, renderChanges } from './windows.js';
import { drawCanvas, canvas, listed, firstDrawDone } from './view.js';

const $ = id => document.getElementById(id);
const state = readState(location.search);
const docs = {};
const names = new Map();
let generation = 0, latest = {}, relationTypes = [], kindNames = [], top = [];
const view = { pathResult: null, windowChanges: null, evidence: null, gapData: null, comparison: null, timelineSubject: null };
// The neighbourhood shown on a first visit gives way to the first entity the person goes to.
const session = { startingView: false };

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

canvas.handlers.onSelect = id => select(id);
canvas.handlers.onEdge = pair => { state.pair = pair; refresh(['details']); };
canvas.handlers.onBackground = () => {};
attachKeyboard(canvas, { announce: text => { $('canvas-focus').textContent = text; }, onOpen: id => select(id) });
listed.onOpen = id => select(id);

async function drawGraph(current, problems) {
  await drawCanvas({ state, top, session, view, docs, current, problems, status });
  if (!current()) return;
  legend();
}

/** The legend says what is on the canvas: its kinds, and what the date or the window does to it. */
function legend() {
  const drawn = new Set(canvas.cy.nodes().map(n => n.data('kind')));
  $('legend-kinds').innerHTML = Object.entries(kinds).filter(([kind]) => drawn.has(kind))
    .map(([kind, k]) => `<span class="kind">${swatch(kind, 14)} ${esc(k.label)}</span>`).join('');
  const life = [];
  if (canvas.cy.nodes('.ended').nonempty()) life.push('<span class="node ended"></span> grey, dashed: ended by the date, drawn for its acts');
  if (canvas.cy.nodes('.absent').nonempty()) life.push('<span class="node before"></span> faded, dashed: not yet on the date');
  $('legend-life').innerHTML = life.join(' ');
  $('legend-changes').hidden = !state.window;
}

async function showDetails(current) {
  const box = $('details');
  if (state.view === 'gaps') {
    if (!state.gap) { box.innerHTML = '<p class="hint">Click a cell of the matrix to read its evidence.</p>'; return; }
    const evidence = await loadEvidence(state.gap, state.asOf);
    if (!current()) return;
    docs.evidence = evidence.document;
    view.evidence = evidence;
    renderEvidence(box, evidence, countryName, state.asOf);
    return;
  }
  if (state.pair) {
    const relations = await loadPair(state.pair.relations);
    if (!current()) return;
    renderPair(box, relations);
    return;
  }
  if (!state.selected) { box.innerHTML = '<p class="hint">Find an entity above, or click one on the canvas, to read its facts and sources.</p>'; return; }
  const { entity, document } = await loadEntity(state.selected, state.asOf);
  if (!current()) return;
  docs.entity = document;
  renderEntity(box, entity, { asOf: state.asOf, life: lifeOn(entity, state.asOf), kindNames });
}

/** The timeline of the selected entity, or of its country: what it did, and the states it was in, on a time axis. */
async function showTimeline(current) {
  const box = $('timeline');
  box.hidden = state.view !== 'graph' || !state.selected;
  if (box.hidden) return;
  const drawn = canvas.entities.get(state.selected);
  const entity = drawn ?? (await loadEntity(state.selected, null)).entity;
  if (!current() || !entity) { box.hidden = !entity; return; }
  const options = subjects({ ...entity, country: { name: countryName(entity.countryId) } });
  if (!options.some(o => o.id === view.timelineSubject)) view.timelineSubject = options[0].id;
  const subject = options.find(o => o.id === view.timelineSubject);
  $('timeline-subject').innerHTML = options.map(o => `<option value="${esc(o.id)}"${o.id === subject.id ? ' selected' : ''}>${esc(o.name)}</option>`).join('');
  const entries = await loadTimeline(subject);
  if (!current()) return;
  $('timeline-count').textContent = `${entries.length} dated ${entries.length === 1 ? 'fact' : 'facts'}: dots happened, bars held; click one for its sources.`;
  renderTimeline($('timeline-axis'), entries, {
    asOf: state.asOf, window: state.window,
    onWindow: (from, to) => setWindow({ from, to }),
    onMark: id => renderEntry($('timeline-entry'), id).catch(error => status(error.message, true)),
  });
}

/** The window's changes: marked on the canvas (view.js applies them on every drawing) and listed in the panel. */
async function showWindow(current) {
  const box = $('changes-box');
  $('window-from').value = state.window?.from ?? '';
  $('window-to').value = state.window?.to ?? '';
  $('window-clear').hidden = !state.window;
  if (!state.window || state.view !== 'graph') {
    view.windowChanges = null;
    canvas.changes(null);
    box.hidden = true;
    return;
  }
  const entries = await loadChanges(state.window);
  if (!current()) return;
  view.windowChanges = entries;
  const drawn = canvas.relationIds();
  canvas.changes(changedOnCanvas(entries, drawn));
  legend();
  await renderChanges(box, entries, drawn, canvas.entities, state.window);
  if (current()) box.hidden = false;
}

async function showPaths(current, problems, { link }) {
  const box = $('paths-result');
  view.pathResult = null;
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
  view.pathResult = { ...result, only: null };
  docs.paths = result.document;
  renderPaths(box, state.path, result, state.asOf);
  // The form names the ends it asked about.
  const ends = new Map(result.paths.flatMap(p => p.entities.map(e => [e.id, e])));
  const f = $('paths-form').elements;
  if (ends.has(from) && f.from.value === from) setEnd(f.from, ends.get(from));
  if (ends.has(to) && f.to.value === to) setEnd(f.to, ends.get(to));
}

async function showGaps(current) {
  const [data, comparison] = await Promise.all([loadGaps(state.asOf), state.compare ? loadComparison(state.asOf, state.compare) : null]);
  if (!current()) return;
  docs.gaps = data.document;
  view.gapData = data;
  view.comparison = comparison;
  renderGaps($('gaps-view'), data, { asOf: state.asOf, open: state.gap, comparison });
}

/**
 * Redraws the parts named (all by default); answers that arrive after a newer redraw began are dropped. The paths,
 * the canvas and the window's marks on it go in that order; the panel, the timeline and the matrix alongside. `link`:
 * the view comes from the page's link, whose `problems` (what it could not read) are said with the refresh's own.
 */
async function refresh(parts = ['paths', 'graph', 'window', 'gaps', 'details', 'timeline'], { link = false, problems = [] } = {}) {
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
  if (!graphView) $('changes-box').hidden = true;
  // The timeline takes its room before the canvas is drawn, so that the picture is fitted to what is left.
  $('timeline').hidden = !graphView || !state.selected;
  $('view-graph').setAttribute('aria-pressed', String(graphView));
  $('view-gaps').setAttribute('aria-pressed', String(!graphView));
  const shows = { paths: showPaths, graph: drawGraph, window: showWindow, gaps: graphView ? null : showGaps, details: showDetails, timeline: showTimeline };
  problems = [...problems];
  // A part that fails says why and leaves the others to draw.
  const run = async part => { if (parts.includes(part) && shows[part]) try { await shows[part](current(part), problems, { link }); } catch (error) { problems.push(error.message); } };
  try {
    await Promise.all([
      (async () => { await run('paths'); await run('graph'); await run('window'); })(),
      run('details'), run('gaps'), run('timeline'),
    ]);
    // The parts leave out of the link what they could not show.
    save();
    if (mine === generation && problems.length) status(problems.join(' '), true);
  } finally {
    if (mine === generation) busy(false);
  }
}

function select(id) {
  state.selected = id;
  state.pair = null;
  canvas.openEdge(null);
  canvas.select(id);
  listed.select(id);
  refresh(['details', 'timeline']);
}

/** An entity named in a panel: selected where it is drawn, else added to the canvas. */
async function open(id) {
  state.view = 'graph';
  state.pair = null;
  state.hidden = state.hidden.filter(h => h !== id);
  const drawn = canvas.entities.has(id);
  if (!drawn && !state.pinned.includes(id) && !state.expanded.some(e => e.id === id)) state.pinned.push(id);
  state.selected = id;
  await refresh(drawn ? ['details', 'timeline'] : ['graph', 'window', 'details', 'timeline']);
  canvas.select(id);
  canvas.focus(id);
}

/**
 * A search result: the entity with its neighbours, centred. Drawn already, it is expanded where it stands; else it
 * starts a view of its own (the Back button returns to the one before), laid out afresh.
 */
async function go(entity) {
  const id = entity.id;
  session.startingView = false;
  state.view = 'graph';
  state.pair = null;
  state.hidden = state.hidden.filter(h => h !== id);
  if (canvas.entities.has(id)) {
    if (!state.expanded.some(e => e.id === id)) state.expanded.push({ id, types: [], kinds: [] });
    state.pinned = state.pinned.filter(p => p !== id);
  } else {
    history.pushState(null, '', `${location.pathname}${writeState(state)}`);
    Object.assign(state, { pinned: [], expanded: [{ id, types: [], kinds: [] }], path: null, window: null });
    canvas.clear();
  }
  state.selected = id;
  await refresh();
  canvas.focus(id);
}

addEventListener('popstate', () => {
  Object.assign(state, readState(location.search), { pair: null });
  canvas.clear();
  refresh();
});

function setWindow(win) {
  // A window and a date are two ways of looking at time: the window draws all history and marks what changed in it.
  if (win && win.from > win.to) [win.from, win.to] = [win.to, win.from];
  state.window = win;
  if (win && state.asOf) { state.asOf = null; asOf.set(null); refresh(); return; }
  refresh(['window', 'timeline']);
}

const chosen = selectId => [...($(selectId)?.selectedOptions ?? [])].map(o => o.value);

$('details').addEventListener('click', e => {
  const link = e.target.closest('[data-entity]');
  if (link) { e.preventDefault(); open(link.dataset.entity); return; }
  const around = e.target.closest('[data-expand]');
  if (around) {
    const id = around.dataset.expand;
    session.startingView = false;
    Object.assign(state, { view: 'graph', selected: id, hidden: state.hidden.filter(h => h !== id) });
    state.expanded = state.expanded.filter(x => x.id !== id).concat({ id, types: [], kinds: [] });
    refresh(['graph', 'window', 'details', 'timeline']);
    return;
  }
  const id = state.selected;
  const form = $('paths-form');
  switch (e.target.id) {
    case 'expand':
      session.startingView = false;
      state.expanded = state.expanded.filter(x => x.id !== id).concat({ id, types: chosen('expand-types'), kinds: chosen('expand-kinds') });
      state.pinned = state.pinned.filter(p => p !== id);
      refresh(['graph', 'window']);
      break;
    case 'hide':
      state.hidden.push(id);
      state.pinned = state.pinned.filter(p => p !== id);
      state.expanded = state.expanded.filter(x => x.id !== id);
      state.selected = null;
      refresh(['graph', 'window', 'details', 'timeline']);
      break;
    case 'path-from': case 'path-to': {
      const end = form.elements[e.target.id === 'path-from' ? 'from' : 'to'];
      setEnd(end, canvas.entities.get(id) ?? { id, name: id });
      $('paths-box').open = true;
      form.elements[e.target.id === 'path-from' ? 'to' : 'from'].focus();
      break;
    }
    case 'copy-cell':
      if (view.evidence) import('./reports.js').then(r => sharing.copy(r.cellText(view.evidence, countryName(view.evidence.country), state.asOf), 'The cell with its references', e.target.closest('.buttons')?.querySelector('.copied')));
      break;
  }
});
$('paths-result').addEventListener('click', e => {
  const link = e.target.closest('[data-entity]');
  if (link) { e.preventDefault(); select(link.dataset.entity); return; }
  const only = e.target.closest('[data-only]');
  if (only && view.pathResult) {
    const i = Number(only.dataset.only);
    view.pathResult.only = view.pathResult.only === i ? null : i;
    document.querySelectorAll('#paths-result [data-only]').forEach(b => b.setAttribute('aria-pressed', String(Number(b.dataset.only) === view.pathResult.only)));
    const on = pathElements(view.pathResult.paths, view.pathResult.only);
    canvas.highlight([...on.entities.keys()], [...on.relations.keys()]);
    return;
  }
  const copy = e.target.closest('[data-copy-path]');
  if (copy && view.pathResult) {
    import('./reports.js').then(r => sharing.copy(r.pathText(view.pathResult.paths[Number(copy.dataset.copyPath)], view.pathResult.sources, state.asOf), 'The path with its references', copy.parentElement.querySelector('.copied')));
  }
});

attachPathsForm($('paths-form'), $('paths-clear'), {
  types: () => chosen('paths-types'),
  asOf: () => state.asOf,
  onAsk: question => { state.path = question; state.view = 'graph'; refresh(['paths', 'graph', 'window']); },
  onClear: () => { state.path = null; refresh(['paths', 'graph', 'window']); },
  onProblem: message => status(message, true),
});

$('view-graph').addEventListener('click', () => { state.view = 'graph'; refresh(['graph', 'window', 'details', 'timeline']); });
$('view-gaps').addEventListener('click', () => { state.view = 'gaps'; refresh(['gaps', 'details', 'timeline']); });
$('gaps-view').addEventListener('click', e => {
  const link = e.target.closest('[data-entity]');
  if (link) { e.preventDefault(); open(link.dataset.entity); return; }
  if (e.target.id === 'compare-clear') { state.compare = null; refresh(['gaps']); return; }
  if (['matrix-csv', 'matrix-svg', 'matrix-png'].includes(e.target.id)) { matrixReport(e.target.id); return; }
  const cell = e.target.closest('[data-gap]');
  if (!cell) return;
  state.gap = cell.dataset.gap;
  document.querySelectorAll('[data-gap]').forEach(c => c.setAttribute('aria-pressed', String(c.dataset.gap === state.gap)));
  refresh(['details']);
});
$('gaps-view').addEventListener('change', e => {
  if (e.target.id !== 'compare-date') return;
  state.compare = /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : null;
  refresh(['gaps']);
});

/** The matrix as CSV, or as an SVG or PNG figure, of the date shown (and the date compared with). */
async function matrixReport(kind) {
  if (!view.gapData) return;
  const reports = await import('./reports.js');
  const stem = `wb6graph-gaps-${state.asOf ?? 'today'}${state.compare ? `-vs-${state.compare}` : ''}`;
  const compare = view.comparison ? { ...view.comparison.report, day: view.comparison.day } : null;
  if (kind === 'matrix-csv') sharing.download(`${stem}.csv`, new Blob([reports.matrixCsv(view.gapData, { asOf: state.asOf, compare })], { type: 'text/csv' }));
  const svg = reports.matrixSvg(view.gapData, { asOf: state.asOf, compare, changed: view.comparison?.changed ?? new Map() });
  if (kind === 'matrix-svg') sharing.download(`${stem}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
  if (kind === 'matrix-png') sharing.download(`${stem}.png`, await reports.svgToPng(svg));
}

$('timeline-subject').addEventListener('change', e => { view.timelineSubject = e.target.value; refresh(['timeline']); });
$('timeline-entry').addEventListener('click', e => {
  if (e.target.closest('[data-close-entry]')) { $('timeline-entry').innerHTML = ''; return; }
  const link = e.target.closest('[data-entity]');
  if (link) { e.preventDefault(); open(link.dataset.entity); }
});
for (const id of ['window-from', 'window-to']) {
  $(id).addEventListener('change', () => {
    const from = $('window-from').value, to = $('window-to').value;
    if (from && to) setWindow({ from, to });
  });
}
$('window-clear').addEventListener('click', () => setWindow(null));
$('changes-box').addEventListener('click', e => {
  const link = e.target.closest('[data-entity]');
  if (link) { e.preventDefault(); open(link.dataset.entity); }
});

const sharing = attachSharing({
  canvas,
  fileStem: () => `wb6graph${state.asOf ? `-${state.asOf}` : ''}`,
  // The requests behind the view, as they last ran: one named operation each.
  requests: () => (state.view === 'gaps'
    ? [docs.gaps, state.gap && docs.evidence]
    : [docs.canvas, state.path && docs.paths, state.selected && docs.entity]).filter(Boolean),
  status,
});

let asOf;

async function start() {
  busy(true);
  asOf = attachAsOf($('asof'), $('asof-date'), $('asof-label'), {
    initial: state.asOf,
    // A date and a window are two ways of looking at time: choosing a date leaves the window.
    onChange: date => { state.asOf = date; state.window = null; refresh(); },
  });
  attachSearch($('search'), $('suggestions'), { onPick: go, asOf: () => state.asOf });
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
  $('paths-types').innerHTML = [...relationTypes].sort((a, b) => (typeWords(a) < typeWords(b) ? -1 : 1))
    .map(t => `<option value="${t}">${esc(typeWords(t))}</option>`).join('');
  if (state.path) {
    const f = $('paths-form').elements;
    setEnd(f.from, { id: state.path.from, name: state.path.from }); setEnd(f.to, { id: state.path.to, name: state.path.to });
    f.k.value = state.path.k; f.maxHops.value = state.path.maxHops;
    [...$('paths-types').options].forEach(o => { o.selected = state.path.types.includes(o.value); });
    $('paths-box').open = true;
  }
  session.startingView = startFrom(state, top);
  await refresh(undefined, { link: true, problems: state.problems });
}

window.explorer = { state, canvas, lastCopied: null, firstDrawDone };
start().catch(error => { status(error.message, true); busy(false); });

