// A window of time: what began, ended or happened between two days (the changes question, page by page). The canvas
// marks those of its relations and fades the rest; the panel lists them, each with when and its sources.
import { run, relationsById } from './api.js';
import { esc, entityLink, count } from './render.js';
import { typeWords } from './words.js';

const answers = new Map();

/** Every change in the window, oldest first: [{kind: 'began'|'ended'|'occurred', date, uncertain, relation: {id, type, fromId, toId}}]. */
export async function loadChanges({ from, to }) {
  const key = `${from}|${to}`;
  if (answers.has(key)) return answers.get(key);
  const entries = [];
  let after = null;
  for (let page = 0; page < 10; page++) {
    const data = await run({
      query: 'query Changes($from: Date, $to: Date, $after: String) {\n  changes(from: $from, to: $to, first: 200, after: $after) { pageInfo { hasNextPage endCursor } nodes { kind date uncertain relation { id type fromId toId } } }\n}',
      operationName: 'Changes', variables: { from, to, after },
    });
    entries.push(...data.changes.nodes.map(n => ({ ...n, kind: n.kind.toLowerCase() })));
    if (!data.changes.pageInfo.hasNextPage) break;
    after = data.changes.pageInfo.endCursor;
  }
  answers.set(key, entries);
  return entries;
}

/** The changes of the relations drawn: relation id → its first kind of change in the window. */
export function changedOnCanvas(entries, drawn) {
  const on = new Set(drawn), map = new Map();
  for (const e of entries) if (on.has(e.relation.id) && !map.has(e.relation.id)) map.set(e.relation.id, e.kind);
  return map;
}

const headings = { began: 'Began', ended: 'Ended', occurred: 'Happened' };
const shown = 40;

/**
 * The panel's list: what began, ended or happened in the window among the relations drawn, each with the day and its
 * sources; `names` gives the entities drawn.
 */
export async function renderChanges(box, entries, drawn, names, win) {
  const on = new Set(drawn);
  const mine = entries.filter(e => on.has(e.relation.id));
  const groups = { began: [], ended: [], occurred: [] };
  mine.forEach(e => groups[e.kind]?.push(e));
  const listed = Object.values(groups).flatMap(g => g.slice(0, shown));
  const relations = await relationsById(listed.map(e => e.relation.id));
  const entity = id => (names.get(id) ? entityLink(names.get(id)) : esc(id));
  const item = e => {
    const r = relations.get(e.relation.id);
    const sources = (r?.citations ?? []).map(c => c.source).filter(s => s?.url);
    return `<li class="change ${e.kind}" data-relation="${esc(e.relation.id)}">${entity(e.relation.fromId)} <span class="type">${esc(typeWords(e.relation.type))}</span> ${entity(e.relation.toId)}
      <br><span class="when">${esc(headings[e.kind].toLowerCase())} ${esc(e.date)}</span>${e.uncertain ? ' <span class="uncertain">≈ the date reaches outside the window</span>' : ''}
      ${sources.length ? `<span class="hint">· sources:</span> ${sources.map((s, i) => `<a href="${esc(s.url)}" target="_blank" rel="noopener noreferrer" title="${esc(s.title)}">${i + 1}</a>`).join(' ')}` : ''}</li>`;
  };
  box.innerHTML = `
    <h2>What changed from ${esc(win.from)} to ${esc(win.to)}</h2>
    <p>${esc(count(mine.length, 'change'))} among the relations drawn (${esc(count(entries.length, 'change'))} in the whole graph): the canvas marks them and fades the rest.</p>
    ${Object.entries(groups).map(([kind, list]) => `<h3 class="change-head ${kind}">${headings[kind]} (${list.length})</h3>
      ${list.length ? `<ul class="changes">${list.slice(0, shown).map(item).join('')}</ul>${list.length > shown ? `<p class="hint">and ${list.length - shown} more</p>` : ''}` : '<p class="hint">None.</p>'}`).join('')}`;
}
