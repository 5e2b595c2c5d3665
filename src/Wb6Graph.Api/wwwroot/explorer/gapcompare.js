// The matrix over time: the same report on a second date, the cells whose status differs, and why: the facts of their
// evidence (the chains, the documented absences, the research record) that began, ended or happened between the two
// dates, each with its sources.
import { run, relationsById } from './api.js';
import { esc, entityLink, today } from './render.js';
import { statusOf } from './kinds.js';
import { typeWords } from './words.js';

// Only ids and dates: the relations behind a change are asked for afterwards, with their sources (under the complexity cap).
const cellFields = 'id status evidence { relations { id } } absences { id note validFrom validTo } research { checked }';

/** A partial date's first day: "2013" → "2013-01-01", so that dates of any precision compare as strings. */
const firstDay = date => (date ? `${date}${'-01-01'.slice(date.length - 4)}` : null);

/**
 * The report on both dates and, for each cell that changed, its status then and the facts that explain the change.
 * `asOf`: the matrix's date (null: today); `other`: the date compared with.
 */
export async function loadComparison(asOf, other) {
  const data = await run({
    query: `query GapCompare($a: Date, $b: Date) {
  a: gaps(asOf: $a) { countryId items { ${cellFields} } }
  b: gaps(asOf: $b) { countryId country { name } score coverage researched eligible items { label legalBasis uncertain detail countsInScore ${cellFields} } }
}`,
    operationName: 'GapCompare', variables: { a: asOf, b: other },
  });
  const day = asOf ?? today();
  const [lo, hi] = [firstDay(day), firstDay(other)].sort();
  const before = new Map(data.b.map(r => [r.countryId, new Map(r.items.map(i => [i.id, i]))]));
  const cells = [];
  for (const report of data.a) {
    for (const item of report.items) {
      const then = before.get(report.countryId)?.get(item.id);
      if (then && then.status !== item.status) cells.push({ country: report.countryId, item: item.id, now: item, then });
    }
  }
  const ids = [...new Set(cells.flatMap(c => [c.now, c.then].flatMap(i => i.evidence.flatMap(p => p.relations.map(r => r.id)))))];
  const relations = await relationsById(ids);
  for (const cell of cells) cell.why = reasons(cell, relations, lo, hi);
  return { day: other, report: { gaps: data.b }, cells, changed: new Map(cells.map(c => [`${c.country}:${c.item}`, c.then.status])) };
}

const inside = (date, lo, hi) => Boolean(date) && firstDay(date) > lo && firstDay(date) <= hi;

/** The dated facts of a cell's evidence, on either date, that fall between the two dates. */
function reasons({ now, then }, relations, lo, hi) {
  const found = [], seen = new Set();
  for (const id of [now, then].flatMap(i => i.evidence.flatMap(p => p.relations.map(r => r.id)))) {
    const r = relations.get(id);
    if (!r || seen.has(id)) continue;
    seen.add(id);
    for (const [field, what] of [['occurredOn', 'happened'], ['validFrom', 'began'], ['attestedOn', 'was first attested'], ['validTo', 'ended']]) {
      if (inside(r[field], lo, hi)) found.push({ relation: r, what, date: r[field] });
    }
  }
  for (const a of [...now.absences, ...then.absences]) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    if (inside(a.validFrom, lo, hi)) found.push({ absence: a, what: 'documented from', date: a.validFrom });
    if (inside(a.validTo, lo, hi)) found.push({ absence: a, what: 'no longer documented from', date: a.validTo });
  }
  // The research record explains a change only where no dated fact does (a cell researched since, now known).
  for (const r of [now.research, then.research].filter(Boolean)) {
    if (!found.length && inside(r.checked, lo, hi) && !seen.has('research')) { seen.add('research'); found.push({ research: r, what: 'researched', date: r.checked }); }
  }
  return found.sort((a, b) => (a.date < b.date ? -1 : 1));
}

const sourceLinks = citations => citations.map(c => c.source).filter(s => s?.url)
  .map((s, i) => `<a href="${esc(s.url)}" target="_blank" rel="noopener noreferrer" title="${esc(s.title)}">${i + 1}</a>`).join(' ');

function reasonItem(why) {
  if (why.relation) {
    const r = why.relation, links = sourceLinks(r.citations ?? []);
    return `<li>${entityLink(r.from)} <span class="type">${esc(typeWords(r.type))}</span> ${entityLink(r.to)}: <strong>${esc(why.what)} ${esc(why.date)}</strong>${links ? ` <span class="hint">sources</span> ${links}` : ''}</li>`;
  }
  if (why.absence) return `<li>Documented absence: ${esc(why.absence.note ?? '')} <strong>${esc(why.what)} ${esc(why.date)}</strong> <span class="hint">(its sources are in the cell's evidence)</span></li>`;
  return `<li>The research record: <strong>${esc(why.what)} on ${esc(why.date)}</strong></li>`;
}

/** Why one cell changed, in words, for its title. */
export const whyText = cell => (cell.why.length
  ? cell.why.map(w => (w.relation ? `${w.relation.from.name} ${typeWords(w.relation.type)} ${w.relation.to.name} ${w.what} ${w.date}` : w.absence ? `an absence ${w.what} ${w.date}` : `researched on ${w.date}`)).join('; ')
  : 'no dated fact of its evidence falls between the two dates');

/** The list under the matrix: each changed cell, its status on both dates, and why. */
export function comparisonList(comparison, names, labels, asOf) {
  const { cells, day } = comparison;
  const mark = status => `${statusOf(status).mark} ${esc(statusOf(status).label)}`;
  return `<section class="comparison" aria-live="polite">
    <h3>Changed between ${esc(day)} and ${esc(asOf ?? 'today')} (${cells.length})</h3>
    ${cells.length ? `<ol class="changed-cells">${cells.map(c => `<li data-changed="${esc(`${c.country}:${c.item}`)}">
      <button type="button" class="link" data-gap="${esc(`${c.country}:${c.item}`)}">${esc(names.get(c.country) ?? c.country)}: ${esc(labels.get(c.item) ?? c.item)}</button>
      <span class="from-to">${mark(c.then.status)} on ${esc(day)} → ${mark(c.now.status)} on ${esc(asOf ?? 'today')}</span>
      ${c.why.length ? `<ul class="why">${c.why.map(reasonItem).join('')}</ul>` : '<p class="hint">No dated fact of its evidence falls between the two dates: the status follows from a date known only to the month or year, or from a fact without a date.</p>'}
    </li>`).join('')}</ol>` : '<p class="hint">No cell changed.</p>'}
  </section>`;
}
