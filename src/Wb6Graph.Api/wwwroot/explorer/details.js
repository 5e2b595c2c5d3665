// The side panel for one entity: what it is, where it belongs, its aliases, attributes and sources, and what
// can be done with it (expand its neighbours with filters, hide it, use it as a path end).
import { entityDocument, run } from './api.js';
import { esc, webUrl, dates, sourceList, kindLabel, entityLink } from './render.js';
import { swatch } from './kinds.js';

export async function loadEntity(id, asOf) {
  const document = entityDocument(id, asOf);
  const data = await run(document);
  return { entity: data.entity, document };
}

const attributeValue = a => (a.type === 'URL' && webUrl(a.value) ? `<a href="${esc(a.value)}" target="_blank" rel="noopener noreferrer">${esc(a.value)}</a>` : esc(a.value));

export function renderEntity(container, entity, { asOf, absent, kindNames, countryName }) {
  if (!entity) {
    container.innerHTML = '<p class="hint">No such entity.</p>';
    return;
  }
  const types = [...new Set(entity.relations.map(r => r.type))].sort();
  const option = (value, text) => `<option value="${esc(value)}">${esc(text)}</option>`;
  container.innerHTML = `
    <h2>${swatch(entity.kind, 18)} ${esc(entity.name)}</h2>
    <dl>
      <dt>Id</dt><dd><code>${esc(entity.id)}</code></dd>
      <dt>Kind</dt><dd>${esc(kindLabel(entity.kind))}</dd>
      ${entity.country ? `<dt>Country</dt><dd>${entityLink({ id: entity.country, kind: 'Country', name: countryName(entity.country) })}</dd>` : ''}
      ${entity.aliases.length ? `<dt>Aliases</dt><dd>${entity.aliases.map(esc).join(' · ')}</dd>` : ''}
      <dt>Valid</dt><dd>${esc(dates(entity.validFrom, entity.validTo))}</dd>
      ${entity.attributes.map(a => `<dt>${esc(a.key)}</dt><dd>${attributeValue(a)}</dd>`).join('')}
      <dt>Origin</dt><dd>${esc(entity.origin.toLowerCase())}</dd>
    </dl>
    ${absent ? `<p class="warning"><strong>Not on ${esc(asOf)}:</strong> this entity exists ${esc(dates(entity.validFrom, entity.validTo))}, so none of its relations are drawn on this date.</p>` : ''}
    ${entity.description ? `<p>${esc(entity.description)}</p>` : ''}
    <p>${absent ? 0 : entity.relations.length} relation(s)${asOf ? ` on ${esc(asOf)}` : ''}.</p>
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
    ${entity.sources.length ? sourceList(entity.sources) : '<p class="hint">None cited.</p>'}`;
}
