// The timeline under the canvas, for the selected entity or its country: acts as dots, states as bars from their start
// to their end (or to today), on a time axis; each mark opens its relation with its sources. Dragging across the axis,
// or typing two dates, chooses a window: the canvas then shows what began, ended or happened in it (windows.js).
import { run, relationsById } from './api.js';
import { esc, entityLink, relationBlock, today } from './render.js';
import { typeWords } from './words.js';

const entryFields = 'kind date uncertain relation { id type fromId toId temporality occurredOn validFrom validTo confidence from { id name kind } to { id name kind } }';

/** An entity's own timeline; a country's is everything that changed for it and its entities (the changes question, page by page). */
export async function loadTimeline(subject) {
  if (subject.kind !== 'Country') {
    const data = await run({ query: `query Timeline($id: ID!) {\n  entity(id: $id) { id name timeline { ${entryFields} } }\n}`, operationName: 'Timeline', variables: { id: subject.id } });
    return data.entity?.timeline ?? [];
  }
  const entries = [];
  let after = null;
  for (let page = 0; page < 10; page++) {
    const data = await run({
      query: `query CountryTimeline($country: ID!, $after: String) {\n  changes(country: $country, first: 200, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${entryFields} } }\n}`,
      operationName: 'CountryTimeline', variables: { country: subject.id, after },
    });
    entries.push(...data.changes.nodes);
    if (!data.changes.pageInfo.hasNextPage) break;
    after = data.changes.pageInfo.endCursor;
  }
  return entries;
}

/** A date at its precision as a fraction of a year: "2013" is 2013.0, "2013-07" 2013.5, "2013-07-01" about 2013.5. */
export function yearOf(date) {
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  return y + (m - 1) / 12 + (d - 1) / 365;
}

/** A fraction of a year as a day, YYYY-MM-DD. */
function dayOf(year) {
  const y = Math.floor(year), start = Date.UTC(y, 0, 1), days = Math.round((year - y) * 365.25);
  return new Date(start + days * 86400000).toISOString().slice(0, 10);
}

/** The marks of the entries: a state's start and end joined in one bar, an act a dot; packed into rows that do not overlap. */
function marks(entries, now) {
  const byRelation = new Map();
  for (const e of entries) {
    const r = e.relation;
    if (!byRelation.has(r.id)) byRelation.set(r.id, { r, began: null, ended: null, occurred: null, uncertain: false });
    const m = byRelation.get(r.id);
    m[e.kind.toLowerCase()] = e.date;
    m.uncertain ||= e.uncertain;
  }
  const list = [...byRelation.values()].map(m => {
    const act = Boolean(m.occurred);
    const from = yearOf(m.occurred ?? m.began ?? m.r.validFrom ?? m.ended);
    const to = act ? from : m.ended ? yearOf(m.ended) : now;
    return { ...m, act, from, to };
  });
  list.sort((a, b) => a.from - b.from || (a.r.id < b.r.id ? -1 : 1));
  return list;
}

/**
 * Draws the timeline of `entries` in `box`: a year axis, the marks in rows, the date asked (asOf) as a line and the
 * window as a band. `onWindow(from, to)` when a window is dragged; `onMark(relationId)` when a mark is chosen.
 */
export function renderTimeline(box, entries, { asOf, window: win, onWindow, onMark }) {
  const now = yearOf(today());
  const list = marks(entries, now);
  if (!list.length) { box.innerHTML = '<p class="hint">Nothing dated to draw.</p>'; return; }
  const first = Math.floor(Math.min(...list.map(m => m.from))), last = Math.ceil(Math.max(now, ...list.map(m => m.to)) + 0.01);
  const width = Math.max(box.clientWidth, 300), pad = 14, rowH = 9, rowsMax = 7;
  const x = year => pad + ((year - first) / (last - first)) * (width - 2 * pad);
  const rows = [];
  for (const m of list) {
    const x1 = x(m.from) - (m.act ? 4 : 0), x2 = x(m.to) + 4;
    let row = rows.findIndex(end => end < x1);
    if (row < 0) row = rows.length < rowsMax ? rows.push(0) - 1 : rows.indexOf(Math.min(...rows));
    rows[row] = x2;
    m.row = row;
  }
  const height = rows.length * rowH + 26;
  const step = Math.max(1, Math.ceil((last - first) / Math.max(1, Math.floor(width / 48))));
  const ticks = [];
  for (let y = first; y <= last; y += step) ticks.push(`<line x1="${x(y)}" x2="${x(y)}" y1="0" y2="${height - 14}" class="tick"/><text x="${x(y)}" y="${height - 3}" text-anchor="middle">${y}</text>`);
  const sentence = m => `${m.r.from.name} ${typeWords(m.r.type)} ${m.r.to.name}: ${m.act ? `on ${m.occurred}` : `${m.began ?? m.r.validFrom ?? 'start unknown'} – ${m.ended ?? 'holds'}`}${m.uncertain ? ' (date known only to the month or year)' : ''}`;
  const shapes = list.map(m => {
    const y = m.row * rowH + 6;
    const body = m.act
      ? `<circle cx="${x(m.from)}" cy="${y}" r="3.5"/>`
      : `<rect x="${x(m.from)}" y="${y - 3}" width="${Math.max(3, x(m.to) - x(m.from))}" height="6" rx="2"/>${m.ended ? `<line x1="${x(m.to)}" x2="${x(m.to)}" y1="${y - 4}" y2="${y + 4}" class="end"/>` : ''}`;
    const cls = m.act ? 'act' : m.ended ? 'state ended' : 'state';
    return `<g class="mark ${cls}${m.uncertain ? ' uncertain' : ''}" data-relation="${esc(m.r.id)}" tabindex="0" role="button" aria-label="${esc(sentence(m))}"><title>${esc(sentence(m))}</title>${body}</g>`;
  });
  const band = win ? `<rect class="window" x="${x(yearOf(win.from))}" y="0" width="${Math.max(2, x(yearOf(win.to)) - x(yearOf(win.from)))}" height="${height - 14}"/>` : '';
  const line = asOf ? `<line class="asof" x1="${x(yearOf(asOf))}" x2="${x(yearOf(asOf))}" y1="0" y2="${height - 14}"/>` : '';
  box.innerHTML = `<svg width="${width}" height="${height}" role="group" aria-label="Timeline: ${list.length} facts, ${first} to ${last}">${ticks.join('')}${band}${line}${shapes.join('')}<rect class="drag" x="0" y="0" width="0" height="${height - 14}" hidden/></svg>`;

  const svg = box.querySelector('svg'), drag = svg.querySelector('.drag');
  const yearAt = clientX => first + ((clientX - svg.getBoundingClientRect().left - pad) / (width - 2 * pad)) * (last - first);
  let start = null;
  svg.addEventListener('pointerdown', e => {
    if (e.target.closest('.mark')) return;
    start = e.clientX;
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', e => {
    if (start === null) return;
    const a = Math.min(start, e.clientX) - svg.getBoundingClientRect().left, b = Math.max(start, e.clientX) - svg.getBoundingClientRect().left;
    Object.assign(drag, { hidden: false });
    drag.setAttribute('x', a); drag.setAttribute('width', b - a);
  });
  svg.addEventListener('pointerup', e => {
    if (start === null) return;
    const [a, b] = [yearAt(start), yearAt(e.clientX)].sort((p, q) => p - q);
    start = null;
    drag.hidden = true;
    if (x(b) - x(a) < 3) return;
    onWindow(dayOf(Math.max(a, first)), dayOf(Math.min(b, last)));
  });
  const choose = e => {
    const mark = e.target.closest('.mark');
    if (!mark || (e.type === 'keydown' && e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    svg.querySelectorAll('.mark.chosen').forEach(m => m.classList.remove('chosen'));
    mark.classList.add('chosen');
    onMark(mark.dataset.relation);
  };
  svg.addEventListener('click', choose);
  svg.addEventListener('keydown', choose);
}

/** The relation of a chosen mark, with its sources: the mark's link to them. */
export async function renderEntry(box, relationId) {
  box.innerHTML = '<p class="hint">Loading its sources…</p>';
  const r = (await relationsById([relationId])).get(relationId);
  if (!r) { box.innerHTML = ''; return; }
  const names = new Map([[r.from.id, r.from], [r.to.id, r.to]]);
  box.innerHTML = `<div class="entry">${relationBlock(r, names, null)}<button type="button" class="close" data-close-entry aria-label="Close">×</button></div>`;
}

/** The subjects offered: the selected entity, and its country when it has one. */
export function subjects(entity) {
  const list = [{ id: entity.id, name: entity.name, kind: entity.kind }];
  if (entity.countryId && entity.countryId !== entity.id) list.push({ id: entity.countryId, name: `${entity.country.name} and its entities`, kind: 'Country' });
  return list;
}

export { entityLink };
