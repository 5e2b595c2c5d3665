// The gap view: the six WB6 countries against the EU-alignment template, one cell per expected link, coloured
// AND marked and labelled by status (readable without colour); each cell opens the evidence behind it.
import { gapsDocument, gapEvidenceDocument, run, relationsById, lookupDocument } from './api.js';
import { statuses } from './kinds.js';
import { esc, relationBlock, entityLink } from './render.js';

export async function loadGaps(asOf) {
  const document = gapsDocument(asOf);
  const data = await run(document);
  // Both ends of each suggestion and the neighbours they share, by name.
  const ends = [...new Set(data.suggestedLinks.flatMap(l => [l.from, l.to, ...l.sharedNeighbours]))];
  const found = ends.length ? await run(lookupDocument('entity', ends, 'id name kind')) : {};
  const entities = new Map(ends.map((id, i) => [id, found[`n${i}`] ?? { id, name: id }]));
  return { ...data, document, entities, names: new Map(data.countries.nodes.map(c => [c.id, c.name])) };
}

export function renderGaps(container, data, { asOf, open }) {
  const columns = data.gaps[0]?.items ?? [];
  const name = id => data.names.get(id) ?? id;
  const cell = (report, item) => {
    const s = statuses[item.status] ?? { label: item.status, mark: '?' };
    const key = `${report.country}:${item.id}`;
    return `<td><button type="button" class="cell ${esc(item.status)}" data-gap="${esc(key)}" aria-pressed="${key === open}"
      title="${esc(name(report.country))}: ${esc(item.label)}, ${esc(s.label)}"><span class="mark" aria-hidden="true">${s.mark}</span>${esc(s.label)}</button></td>`;
  };
  // Items down, countries across: six columns fit a laptop, eleven did not.
  container.innerHTML = `
    <h2>EU alignment, ${asOf ? `as of ${esc(asOf)}` : 'today'}</h2>
    <p class="hint">Each cell is a link EU alignment expects of the country. Click a cell for its evidence.
      ✓ present · ✗ missing · ◷ expired (held once, has ended) · – not eligible before accession (not a failure).${asOf ? '' : `
      A gap is about a day: with the slider on “all history”, that day is today.`}</p>
    <table class="gaps">
      <thead><tr><th scope="col">Expected link <span class="hint">(alignment score)</span></th>${data.gaps.map(r => `<th scope="col" data-country="${esc(r.country)}">${esc(name(r.country))}
        <span class="score" data-score="${esc(r.country)}">${Math.round(r.score * 100)}%<span class="bar"><span style="width:${Math.round(r.score * 100)}%"></span></span></span></th>`).join('')}</tr></thead>
      <tbody>${columns.map((c, i) => `
        <tr data-item="${esc(c.id)}"><th scope="row">${esc(c.label)}${c.legalBasis ? `<br><span class="hint basis">${esc(c.legalBasis)}</span>` : ''}</th>
          ${data.gaps.map(r => (r.items[i] ? cell(r, r.items[i]) : '<td></td>')).join('')}</tr>`).join('')}
      </tbody>
    </table>
    <p class="hint">Score: the share of eligible items present (not-eligible items do not count).</p>
    <h3>Absent links the network suggests (Adamic–Adar)</h3>
    <p class="hint">From these six countries and their authorities and CSIRTs to bodies, networks and programmes.</p>
    ${data.suggestedLinks.length ? `<ol class="suggested">${data.suggestedLinks.map(l => `
      <li>${entityLink(data.entities.get(l.from))} — ${entityLink(data.entities.get(l.to))}
        <span class="hint">score ${l.score.toFixed(2)}; both linked with ${l.sharedNeighbours.map(id => esc(data.entities.get(id)?.name ?? id)).join(', ')}</span></li>`).join('')}</ol>`
      : '<p class="hint">None.</p>'}`;
}

/** The evidence of one cell: the relations of every chain that satisfies (or satisfied) the item. */
export async function loadEvidence(key, asOf) {
  const [country, itemId] = key.split(':');
  const document = gapEvidenceDocument(country, asOf);
  const data = await run(document);
  const item = data.gaps[0]?.items.find(i => i.id === itemId);
  if (!item) return { country, item: null, document };
  const relations = await relationsById(item.evidence.flatMap(p => p.relations.map(r => r.id)));
  return { country, item, chains: item.evidence.map(p => p.relations.map(r => relations.get(r.id)).filter(Boolean)), document };
}

export function renderEvidence(container, evidence, countryName) {
  const { country, item, chains } = evidence;
  if (!item) {
    container.innerHTML = '<p class="hint">No such gap item.</p>';
    return;
  }
  const s = statuses[item.status] ?? { label: item.status, mark: '?' };
  const names = new Map(chains.flat().flatMap(r => [[r.from.id, r.from], [r.to.id, r.to]]));
  const explain = {
    MISSING: 'No chain of this pattern has held by the date: the link is missing.',
    EXPIRED: 'A chain held before and has ended.',
    NOT_ELIGIBLE: 'Open to EU member states only: not a failure of a candidate country.',
    PRESENT: 'The chain(s) below satisfy the item.',
  };
  container.innerHTML = `
    <h2>${esc(countryName(country))}: ${esc(item.label)}</h2>
    <p class="status-text ${esc(item.status)}"><strong>${s.mark} ${esc(s.label)}</strong></p>
    ${item.legalBasis ? `<p class="hint">Basis: ${esc(item.legalBasis)}</p>` : ''}
    <p>${esc(explain[item.status] ?? '')}</p>
    ${chains.length ? `<h3>Evidence</h3><ol>${chains.map(c => `<li>${c.map(r => relationBlock(r, names, null)).join('')}</li>`).join('')}</ol>` : ''}
    <div class="buttons"><button type="button" data-expand="${esc(country)}">Show ${esc(countryName(country))} and its links on the graph</button></div>`;
}
