// Small HTML helpers shared by the panel, the path list and the gap view. Everything from the API is escaped.
import { swatch, kindOf } from './kinds.js';

export const esc = value => String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Only web addresses become links: data written straight into a store could carry javascript: or data: URLs. */
export const webUrl = value => (/^https?:\/\//i.test(String(value ?? '')) ? String(value) : null);

const confidenceText = { H: 'official or primary', M: 'secondary', L: 'weak' };

export function dates(from, to) {
  if (!from && !to) return 'undated';
  if (!to) return `from ${from}`;
  return `${from ?? "…"} until ${to}`;
}

export function sourceItem(s) {
  if (!s) return '<li>(unknown source)</li>';
  const where = webUrl(s.url)
    ? `<a href="${esc(s.url)}" target="_blank" rel="noopener noreferrer">${esc(s.title)}</a>`
    : `${esc(s.title)}${s.document ? ` <span class="hint">(document ${esc(s.document)})</span>` : ''}`;
  const who = [s.publisher, s.published].filter(Boolean).map(esc).join(', ');
  return `<li>${where}${who ? ` <span class="hint">${who}</span>` : ''} <span class="hint">[${esc(s.kind?.toLowerCase())}]</span></li>`;
}

export const sourceList = sources => `<ul class="sources">${sources.map(sourceItem).join('')}</ul>`;

export function entityLink(e) {
  return `<a href="#" data-entity="${esc(e.id)}">${swatch(e.kind, 12)} ${esc(e.name ?? e.id)}</a>`;
}

/** "A —TYPE→ B", its dates, confidence and sources; names maps ids to entities when only ids are at hand. */
export function relationBlock(r, names, sources) {
  const end = id => (names.get(id) ? entityLink(names.get(id)) : esc(id));
  const cited = (r.sources ?? []).map(s => sources?.get(s.id) ?? s);
  return `<div class="relation" data-relation="${esc(r.id)}">
    ${end(r.fromId)} <span class="type">${esc(r.type)}</span> → ${end(r.toId)}${r.role ? ` <span class="hint">as ${esc(r.role)}</span>` : ''}
    <br><span class="hint">${esc(dates(r.validFrom, r.validTo))}</span> · <span class="conf" title="confidence">${esc(r.confidence)}</span>${confidenceText[r.confidence] ? `: ${esc(confidenceText[r.confidence])}` : ''}
    ${cited.length ? sourceList(cited) : ''}
  </div>`;
}

export const kindLabel = kind => kindOf(kind).label;

/** "1 hop", "3 hops". */
export const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
