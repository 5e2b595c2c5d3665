// Small HTML helpers shared by the panel, the path list and the gap view. Everything from the API is escaped.
// Dates are shown as precise as the sources give them ("2024-06-11", "2013-02", "2010"), never padded to a day.
import { swatch, kindOf } from './kinds.js';
import { typeWords } from './words.js';

export const esc = value => String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Only web addresses become links: data written straight into a store could carry javascript: or data: URLs. */
export const webUrl = value => (/^https?:\/\//i.test(String(value ?? '')) ? String(value) : null);

export const confidenceText = { H: 'official or primary', M: 'secondary', L: 'weak' };

/** Today, as the API's gaps default to it (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);

/** The last day of a date known to the day, month or year: "2025" ends on 2025-12-31. */
export function lastDay(date) {
  if (!date || date.length === 10) return date;
  const [y, m] = date.split('-').map(Number);
  return m ? new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) : `${y}-12-31`;
}

/** Whether a day falls inside a date known only to the month or year (2010-06-15 inside 2010). */
export const inside = (day, date) => Boolean(day && date && date.length < 10 && day.startsWith(date));

/** What a date known only to the month or year is known to, in words. */
export const precision = date => (date?.length === 4 ? 'the year' : 'the month');

/**
 * Where an entity stands on a day: 'before' it began (nothing of it is drawn but itself), 'ended' (it stays in the
 * history of its acts), or null while it exists, or without a day. The API's `ended` when the question had a date.
 */
export function lifeOn(e, asOf) {
  if (!asOf || !e) return null;
  if (e.validFrom && e.validFrom > asOf) return 'before';
  return (e.ended ?? Boolean(e.validTo && lastDay(e.validTo) <= asOf)) ? 'ended' : null;
}

/** A state's interval: "2019 – 2024-03", "since 2019", "until 2024", or "undated". */
export function period(from, to) {
  if (from && to) return `${from} – ${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return 'undated';
}

/**
 * When a relation holds: an act "on 2024-06-11"; a state "2019 – 2024-03"; a fact the sources do not date, from when a
 * source attests it ("attested 2026-12-04, start unknown").
 */
export function when(r) {
  if (r.temporality === 'ACT' || r.temporality === 'TRANSITION') {
    if (r.occurredOn) return `on ${r.occurredOn}`;
    return r.attestedOn ? `attested ${r.attestedOn}, date unknown` : 'date unknown';
  }
  if (r.startUnknown || (!r.validFrom && r.attestedOn)) {
    const start = r.attestedOn ? `attested ${r.attestedOn}, start unknown` : 'start unknown';
    return r.validTo ? `${start}, until ${r.validTo}` : start;
  }
  return period(r.validFrom, r.validTo);
}

function sourceText(s) {
  const where = webUrl(s.url)
    ? `<a href="${esc(s.url)}" target="_blank" rel="noopener noreferrer">${esc(s.title)}</a>`
    : `${esc(s.title)}${s.document ? ` <span class="hint">(document ${esc(s.document)})</span>` : ''}`;
  const who = [s.publisher, s.published].filter(Boolean).map(esc).join(', ');
  return `${where}${who ? ` <span class="hint">${who}</span>` : ''}${s.kind ? ` <span class="hint">[${esc(s.kind.toLowerCase())}]</span>` : ''}`;
}

export function sourceItem(s) {
  return s ? `<li>${sourceText(s)}</li>` : '<li>(unknown source)</li>';
}

export const sourceList = sources => `<ul class="sources">${sources.map(sourceItem).join('')}</ul>`;

/** A source as a fact cites it: the source, then where in it and what it says there, where the curator gave them. */
export function citationItem(c) {
  const said = [c.locator ? `<span class="locator">${esc(c.locator)}</span>` : '', c.note ? `<span class="note">${esc(c.note)}</span>` : '']
    .filter(Boolean).join(': ');
  return `<li>${c.source ? sourceText(c.source) : esc(c.sourceId)}${said ? `<br><span class="cited">${said}</span>` : ''}</li>`;
}

/** `citations` with their sources (or, given only ids, the sources from `sources`, a map by id). */
export function citationList(citations, sources = null) {
  const full = citations.map(c => ({ ...c, source: c.source ?? sources?.get(c.sourceId) ?? null }));
  return `<ul class="sources">${full.map(citationItem).join('')}</ul>`;
}

export function entityLink(e) {
  return `<a href="#" data-entity="${esc(e.id)}">${swatch(e.kind, 12)} ${esc(e.name ?? e.id)}</a>`;
}

/** When, its uncertainty on the date asked, the alignment, the role's words, the confidence and the citations of a relation. */
function relationFacts(r, sources) {
  const cited = r.citations?.length ? citationList(r.citations, sources) : r.sources?.length ? sourceList(r.sources) : '';
  const uncertain = r.uncertain
    ? ` <span class="uncertain" title="The date is known only to the month or year, and the date shown falls inside that period: it may not hold yet on that day.">≈ uncertain on this date</span>`
    : '';
  return `<span class="when">${esc(when(r))}</span>${r.temporality === 'TRANSITION' ? ' <span class="hint">(its subject ends that day)</span>' : ''}${uncertain}${
      r.alignment ? ` · <span class="alignment">alignment: ${esc(r.alignment.toLowerCase())}</span>` : ''}
    · <span class="conf" title="confidence">${esc(r.confidence)}</span>${confidenceText[r.confidence] ? `: ${esc(confidenceText[r.confidence])}` : ''}
    ${cited}`;
}

/**
 * "A co-organised → B", when it holds, its alignment, confidence and citations; names maps ids to entities when only
 * ids are at hand, sources maps source ids to sources when the citations carry only ids.
 */
export function relationBlock(r, names, sources) {
  const end = id => (names.get(id) ? entityLink(names.get(id)) : esc(id));
  return `<div class="relation" data-relation="${esc(r.id)}" data-temporality="${esc(r.temporality)}">
    ${end(r.fromId)} <span class="type" title="${esc(r.type)}">${esc(typeWords(r.type))}</span> → ${end(r.toId)}${r.role ? ` <span class="hint">as ${esc(r.role)}</span>` : ''}
    <br>${relationFacts(r, sources)}
  </div>`;
}

/** One relation under its type's heading in an entity's panel: the other end, then when, confidence and sources. */
export function relationRow(r, other) {
  return `<li class="relation" data-relation="${esc(r.id)}" data-temporality="${esc(r.temporality)}">
    ${entityLink(other)}${r.role ? ` <span class="hint">as ${esc(r.role)}</span>` : ''}
    <br>${relationFacts(r, null)}
  </li>`;
}

export const kindLabel = kind => kindOf(kind).label;

/** "1 hop", "3 hops". */
export const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
