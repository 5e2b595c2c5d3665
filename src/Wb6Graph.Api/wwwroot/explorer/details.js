// The side panel for one entity: what it is, where it belongs, its aliases, attributes (named in words) and sources,
// its relations grouped by type and direction ("KCSS organised", "co-organised KCSS"), each with the other end, when it
// held or happened at the sources' precision, its confidence and sources; and what can be done with it (expand its
// neighbours with filters, hide it, use it as a path end). Also the panel of one edge: the relations of a pair.
import { entityDocument, run, relationsById } from './api.js';
import { esc, webUrl, period, citationList, kindLabel, entityLink, relationBlock, relationRow, count } from './render.js';
import { swatch } from './kinds.js';
import { typeWords, keyWords, shortName } from './words.js';

export async function loadEntity(id, asOf) {
  const document = entityDocument(id, asOf);
  const data = await run(document);
  return { entity: data.entity, document };
}

const attributeValue = a => (a.type === 'URL' && webUrl(a.value) ? `<a href="${esc(a.value)}" target="_blank" rel="noopener noreferrer">${esc(a.value)}</a>` : esc(a.value));

/** What the date does to the entity: it did not exist yet, or it had ended and stays only in the history of its acts. */
function lifeNote(entity, life, asOf) {
  if (life === 'before') {
    return `<p class="warning"><strong>Not on ${esc(asOf)}:</strong> this entity exists ${esc(period(entity.validFrom, entity.validTo))}, so none of its relations are drawn on this date.</p>`;
  }
  if (life === 'ended') {
    return `<p class="warning ended"><strong>Ended on ${esc(entity.validTo)}</strong>, before ${esc(asOf)}: it stays in the history of
      its acts before that day, and is drawn greyed out, with a dashed outline, on the canvas.</p>`;
  }
  return '';
}

/**
 * The relations grouped by type and direction, headed as they read: "WB3C organised" (this entity is the subject),
 * "founded WB3C" (it is the object); each group lists the other ends. A long list opens its small groups only.
 */
function relationGroups(entity, relations) {
  const me = shortName(entity.name, entity.aliases).split('\n').join(' ');
  const groups = new Map();
  for (const r of relations) {
    const out = r.fromId === entity.id;
    const key = `${typeWords(r.type)}|${out ? 0 : 1}`;
    if (!groups.has(key)) groups.set(key, { type: r.type, out, rows: [] });
    groups.get(key).rows.push(r);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
  return sorted.map(g => {
    const words = esc(typeWords(g.type));
    const heading = g.out ? `${esc(me)} <span class="type">${words}</span>` : `<span class="type">${words}</span> ${esc(me)}`;
    const open = relations.length <= 20 || g.rows.length <= 4;
    return `<details class="relation-group" data-type="${esc(g.type)}" data-direction="${g.out ? 'out' : 'in'}"${open ? ' open' : ''}>
      <summary>${heading} <span class="hint">(${g.rows.length})</span></summary>
      <ul>${g.rows.map(r => relationRow(r, g.out ? r.to : r.from)).join('')}</ul>
    </details>`;
  }).join('');
}

export function renderEntity(container, entity, { asOf, life, kindNames }) {
  if (!entity) {
    container.innerHTML = '<p class="hint">No such entity.</p>';
    return;
  }
  const types = [...new Set(entity.relations.map(r => r.type))].sort((a, b) => (typeWords(a) < typeWords(b) ? -1 : 1));
  const option = (value, text) => `<option value="${esc(value)}">${esc(text)}</option>`;
  const relations = life === 'before' ? [] : entity.relations;
  container.innerHTML = `
    <h2>${swatch(entity.kind, 18)} ${esc(entity.name)}</h2>
    <dl>
      <dt>Id</dt><dd><code>${esc(entity.id)}</code></dd>
      <dt>Kind</dt><dd>${esc(kindLabel(entity.kind))}</dd>
      ${entity.countryId ? `<dt>Country</dt><dd>${entityLink({ id: entity.countryId, kind: 'Country', name: entity.country.name })}</dd>` : ''}
      ${entity.aliases.length ? `<dt>Aliases</dt><dd>${entity.aliases.map(esc).join(' · ')}</dd>` : ''}
      <dt>Valid</dt><dd>${esc(period(entity.validFrom, entity.validTo))}</dd>
      ${entity.attributes.map(a => `<dt title="${esc(a.key)}">${esc(keyWords(a.key))}</dt><dd>${attributeValue(a)}</dd>`).join('')}
      <dt>Origin</dt><dd>${esc(entity.origin.toLowerCase())}</dd>
    </dl>
    ${lifeNote(entity, life, asOf)}
    ${entity.description ? `<p>${esc(entity.description)}</p>` : ''}
    <fieldset>
      <legend>Expand neighbours</legend>
      <label>Relation types <select id="expand-types" multiple size="4">${types.map(t => option(t, typeWords(t))).join('')}</select></label>
      <label>Kinds <select id="expand-kinds" multiple size="4">${kindNames.map(k => option(k, kindLabel(k))).join('')}</select></label>
      <p class="hint">Select none for all; Ctrl or Cmd selects several.</p>
      <div class="buttons">
        <button type="button" id="expand">Expand neighbours</button>
        <button type="button" id="hide">Hide</button>
        <button type="button" id="path-from">Path from here</button>
        <button type="button" id="path-to">Path to here</button>
      </div>
    </fieldset>
    <h3>${esc(count(relations.length, 'relation'))}${asOf ? ` on ${esc(asOf)}` : ''}</h3>
    ${relations.length ? `<div id="entity-relations">${relationGroups(entity, relations)}</div>` : ''}
    <h3>Sources</h3>
    ${entity.citations.length ? citationList(entity.citations) : '<p class="hint">None cited.</p>'}`;
}

/** The relations of one pair of entities (an edge of the canvas), with their sources. */
export async function loadPair(ids) {
  const relations = await relationsById(ids);
  return ids.map(id => relations.get(id)).filter(Boolean);
}

export function renderPair(container, relations) {
  if (!relations.length) { container.innerHTML = '<p class="hint">No such relations.</p>'; return; }
  const names = new Map(relations.flatMap(r => [[r.from.id, r.from], [r.to.id, r.to]]));
  const [a, b] = [relations[0].from, relations[0].to];
  container.innerHTML = `
    <h2 class="pair">${entityLink(a)} and ${entityLink(b)}</h2>
    <p>${esc(count(relations.length, 'relation'))} between them, each with when it held or happened and its sources.</p>
    <div id="pair-relations">${relations.map(r => relationBlock(r, names, null)).join('')}</div>`;
}
