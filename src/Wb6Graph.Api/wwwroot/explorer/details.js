// The side panel for one entity: what it is, where it belongs, its aliases, attributes and sources, its relations
// with when each held or happened, and what can be done with it (expand its neighbours with filters, hide it, use it
// as a path end).
import { entityDocument, run } from './api.js';
import { esc, webUrl, period, citationList, kindLabel, entityLink, relationBlock, count } from './render.js';
import { swatch } from './kinds.js';

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

export function renderEntity(container, entity, { asOf, life, kindNames }) {
  if (!entity) {
    container.innerHTML = '<p class="hint">No such entity.</p>';
    return;
  }
  const types = [...new Set(entity.relations.map(r => r.type))].sort();
  const option = (value, text) => `<option value="${esc(value)}">${esc(text)}</option>`;
  const relations = life === 'before' ? [] : entity.relations;
  const names = new Map(relations.flatMap(r => [[r.from.id, r.from], [r.to.id, r.to]]));
  container.innerHTML = `
    <h2>${swatch(entity.kind, 18)} ${esc(entity.name)}</h2>
    <dl>
      <dt>Id</dt><dd><code>${esc(entity.id)}</code></dd>
      <dt>Kind</dt><dd>${esc(kindLabel(entity.kind))}</dd>
      ${entity.countryId ? `<dt>Country</dt><dd>${entityLink({ id: entity.countryId, kind: 'Country', name: entity.country.name })}</dd>` : ''}
      ${entity.aliases.length ? `<dt>Aliases</dt><dd>${entity.aliases.map(esc).join(' · ')}</dd>` : ''}
      <dt>Valid</dt><dd>${esc(period(entity.validFrom, entity.validTo))}</dd>
      ${entity.attributes.map(a => `<dt>${esc(a.key)}</dt><dd>${attributeValue(a)}</dd>`).join('')}
      <dt>Origin</dt><dd>${esc(entity.origin.toLowerCase())}</dd>
    </dl>
    ${lifeNote(entity, life, asOf)}
    ${entity.description ? `<p>${esc(entity.description)}</p>` : ''}
    <p>${esc(count(relations.length, 'relation'))}${asOf ? ` on ${esc(asOf)}` : ''}.</p>
    <fieldset>
      <legend>Expand neighbours</legend>
      <label>Relation types <select id="expand-types" multiple size="4">${types.map(t => option(t, t)).join('')}</select></label>
      <label>Kinds <select id="expand-kinds" multiple size="4">${kindNames.map(k => option(k, kindLabel(k))).join('')}</select></label>
      <p class="hint">Select none for all; Ctrl or Cmd selects several.</p>
      <div class="buttons">
        <button type="button" id="expand">Expand neighbours</button>
        <button type="button" id="hide">Hide</button>
        <button type="button" id="path-from">Path from here</button>
        <button type="button" id="path-to">Path to here</button>
      </div>
    </fieldset>
    <h3>Sources</h3>
    ${entity.citations.length ? citationList(entity.citations) : '<p class="hint">None cited.</p>'}
    ${relations.length ? `<details id="entity-relations"${relations.length <= 15 ? ' open' : ''}>
      <summary>Relations${asOf ? ` on ${esc(asOf)}` : ''} (${relations.length})</summary>
      ${relations.map(r => relationBlock(r, names, null)).join('')}
    </details>` : ''}`;
}
