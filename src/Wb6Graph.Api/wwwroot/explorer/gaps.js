// The gap view: the six WB6 countries against the EU-alignment template, one cell per expected link, coloured AND
// marked and labelled by status (readable without colour); each cell opens the evidence behind its status: the chains
// that make it present, partial or expired, the documented absences that make it missing, the research record that
// says why it is unknown. Only a documented absence is a gap; an unknown cell is an open question.
import { gapsDocument, gapEvidenceDocument, run, relationsById } from './api.js';
import { statuses, statusOf, kindOf } from './kinds.js';
import { esc, relationBlock, entityLink, citationList, period, webUrl, today, inside, precision } from './render.js';
import { typeWords } from './words.js';
import { comparisonList, whyText } from './gapcompare.js';

export async function loadGaps(asOf) {
  const document = gapsDocument(asOf);
  // One request: the reports name their countries, the suggestions their ends and the neighbours both share.
  const data = await run(document);
  return { ...data, document, names: new Map(data.gaps.map(r => [r.countryId, r.country.name])) };
}

const uncertainWhy = day => `The status rests on a date known only to the month or year, and ${day} falls inside that period: on that very day the status may not hold yet, or may no longer hold.`;
const notScored = 'Not counted in the score: it measures support received, not alignment.';
const percent = value => `${Math.round(value * 100)}%`;

/** A cell's look, as the legend shows it. */
const swatchCell = (status, extra = '') => {
  const s = statusOf(status);
  return `<span class="cell ${esc(status)} legend-cell"><span class="mark" aria-hidden="true">${s.mark}</span>${esc(s.label)}${extra}</span>`;
};

const uncertainMark = '<span class="uncertain-mark" aria-hidden="true">≈</span><span class="visually-hidden"> (date uncertain)</span>';

/** Under each country: its score and how much of it rests on evidence, or that nothing does yet; compared, what it was. */
function scoreCell(r, then = null, day = null) {
  return scoreText(r) + (then ? `<span class="was-score" data-was-score="${esc(r.countryId)}">on ${esc(day)}: ${then.score === null || then.score === undefined ? 'no researched item' : `${percent(then.score)}, ${then.researched} of ${then.eligible}`}</span>` : '');
}

function scoreText(r) {
  const unknown = r.eligible - r.researched;
  if (r.score === null || r.score === undefined) {
    return `<span class="score none" data-score="${esc(r.countryId)}" title="None of its ${r.eligible} items that count has been researched to a conclusion: there is nothing to score.">no researched item</span>`;
  }
  const title = `The score counts the ${r.researched} items researched to a conclusion, of the ${r.eligible} eligible items that count`
    + `${unknown ? `; the other ${unknown} are unknown and left out` : ''} (coverage ${percent(r.coverage)}).`;
  return `<span class="score" data-score="${esc(r.countryId)}" title="${esc(title)}">score ${percent(r.score)}<span class="bar"><span style="width:${percent(r.score)}"></span></span></span>
    <span class="coverage" data-coverage="${esc(r.countryId)}" title="${esc(title)}">over ${r.researched} of ${r.eligible} researched items</span>`;
}

export function renderGaps(container, data, { asOf, open, comparison = null }) {
  const day = asOf ?? today();
  const columns = data.gaps[0]?.items ?? [];
  const name = id => data.names.get(id) ?? id;
  const thenReports = comparison ? new Map(comparison.report.gaps.map(r => [r.countryId, r])) : null;
  const changed = new Map((comparison?.cells ?? []).map(c => [`${c.country}:${c.item}`, c]));
  const cell = (report, item) => {
    const s = statusOf(item.status);
    const key = `${report.countryId}:${item.id}`, was = changed.get(key);
    const title = `${name(report.countryId)}: ${item.label}, ${s.label}${item.detail ? ` (${item.detail})` : ''}: ${s.meaning}.`
      + `${item.uncertain ? ` ≈ ${uncertainWhy(day)}` : ''}${item.countsInScore ? '' : ` ${notScored}`}`
      + `${was ? ` On ${comparison.day} it was ${statusOf(was.then.status).label}: ${whyText(was)}.` : ''}`;
    return `<td><button type="button" class="cell ${esc(item.status)}${item.uncertain ? ' uncertain' : ''}${was ? ' changed' : ''}" data-gap="${esc(key)}" data-status="${esc(item.status)}"
      aria-pressed="${key === open}" title="${esc(title)}"><span class="mark" aria-hidden="true">${s.mark}</span>${esc(s.label)}${item.uncertain ? uncertainMark : ''}${was
        ? `<span class="was" data-was="${esc(was.then.status)}">was ${statusOf(was.then.status).mark} ${esc(statusOf(was.then.status).label)}</span>` : ''}</button></td>`;
  };
  // Items down, countries across: six columns fit a laptop, eleven did not.
  container.innerHTML = `
    <h2>EU alignment, ${asOf ? `as of ${esc(asOf)}` : 'today'}</h2>
    <form class="gap-tools" id="gap-tools">
      <label>Compare with <input type="date" id="compare-date" value="${esc(comparison?.day ?? '')}"></label>
      ${comparison ? '<button type="button" id="compare-clear">Stop comparing</button>' : ''}
      <span class="reports">
        <button type="button" id="matrix-csv" title="The matrix as a table (CSV) for a spreadsheet">CSV</button>
        <button type="button" id="matrix-svg" title="The matrix as a figure (SVG) for a report">Figure SVG</button>
        <button type="button" id="matrix-png" title="The matrix as a figure (PNG)">Figure PNG</button>
      </span>
    </form>
    <p class="hint">Each cell is a link EU alignment expects of the country; click a cell for the evidence behind its status.${asOf ? '' : `
      A gap is about a day: with the slider on “all history”, that day is today.`}${comparison ? ` Outlined cells changed since ${esc(comparison.day)}; the list under the matrix says why.` : ''}</p>
    <ul class="status-legend" aria-label="What each status means">
      ${Object.entries(statuses).map(([status, s]) => `<li data-status="${esc(status)}">${swatchCell(status)} ${esc(s.meaning)}</li>`).join('')}
      <li data-status="uncertain">${swatchCell('PRESENT', uncertainMark)} ≈ date uncertain: the status rests on a date known only to the month or year, and the day asked falls inside it</li>
    </ul>
    <table class="gaps">
      <thead><tr><th scope="col">Expected link <span class="hint">(alignment score)</span></th>${data.gaps.map(r => `<th scope="col" data-country="${esc(r.countryId)}">${esc(name(r.countryId))}
        ${scoreCell(r, thenReports?.get(r.countryId), comparison?.day)}</th>`).join('')}</tr></thead>
      <tbody>${columns.map((c, i) => `
        <tr data-item="${esc(c.id)}"><th scope="row">${esc(c.label)}${c.legalBasis ? `<br><span class="hint basis">${esc(c.legalBasis)}</span>` : ''}${c.countsInScore ? '' : `
          <br><span class="not-scored">${esc(notScored)}</span>`}</th>
          ${data.gaps.map(r => (r.items[i] ? cell(r, r.items[i]) : '<td></td>')).join('')}</tr>`).join('')}
      </tbody>
    </table>
    <p class="hint">Score: present counts 1, partial ½, expired and missing 0, over the items researched to a conclusion that
      count in the score. Unknown and not-eligible items are left out, so read the score with how many items it rests on.</p>
    ${comparison ? comparisonList(comparison, data.names, new Map(columns.map(c => [c.id, c.label])), asOf) : ''}
    <h3>Absent links the network suggests (Adamic–Adar)</h3>
    <p class="hint">From these six countries and their authorities and CSIRTs to bodies, networks, forums and programmes.</p>
    ${data.suggestedLinks.length ? `<ol class="suggested">${data.suggestedLinks.map(l => `
      <li>${entityLink(l.from)} — ${entityLink(l.to)}
        <span class="hint">score ${l.score.toFixed(2)}; both linked with ${l.sharedNeighbours.map(n => esc(n.name)).join(', ')}</span></li>`).join('')}</ol>`
      : '<p class="hint">None.</p>'}`;
}

/** The evidence of one cell: the relations of every chain behind the item, and its absences and research record. */
export async function loadEvidence(key, asOf) {
  const [country, itemId] = key.split(':');
  const document = gapEvidenceDocument(country, asOf);
  const data = await run(document);
  const item = data.gaps[0]?.items.find(i => i.id === itemId);
  if (!item) return { country, item: null, document };
  const relations = await relationsById(item.evidence.flatMap(p => p.relations.map(r => r.id)));
  return { country, item, chains: item.evidence.map(p => p.relations.map(r => relations.get(r.id)).filter(Boolean)), document };
}

const explain = {
  PRESENT: 'The chain(s) below satisfy the item on this date.',
  PARTIAL: 'Partly there: the chain(s) below are what there is.',
  EXPIRED: 'A chain held before and has ended: the link is not there on this date.',
  MISSING: 'A source documents that the link does not exist: a documented gap. The absences below are the evidence.',
  UNKNOWN: 'Nobody found evidence either way: this is not a documented gap but an open question. The research record below says what was consulted.',
  NOT_ELIGIBLE: 'Open to EU member states only: not a failure of a candidate country.',
};

const outcomes = {
  FOUND: 'evidence found: the link is in the graph',
  ABSENCE_DOCUMENTED: 'a source documents the absence',
  NOT_FOUND: 'nothing found either way in what was consulted',
};

/** The dates of a chain that the day falls inside of (known only to the month or year): why a cell is uncertain. */
function coarseDates(chains, day) {
  const found = [];
  for (const r of chains.flat()) {
    for (const [field, what] of [['occurredOn', 'happened'], ['validFrom', 'began'], ['attestedOn', 'is first attested'], ['validTo', 'ended']]) {
      if (inside(day, r[field])) found.push({ r, date: r[field], what });
    }
  }
  return found;
}

/** "Montenegro APPLIES National Cyber Security Strategy … began in 2013 (known to the year only)". */
const coarseText = ({ r, date, what }, names) =>
  `${names.get(r.fromId)?.name ?? r.fromId} ${typeWords(r.type)} ${names.get(r.toId)?.name ?? r.toId} ${what} in ${date} (known to ${precision(date)} only)`;

function absenceBlock(a) {
  const end = (e, fallback) => (e ? entityLink(e) : esc(fallback));
  const other = a.to ? null : a.kind ? `any ${kindOf(a.kind).label.toLowerCase()}` : 'any entity';
  return `<li class="absence" data-absence="${esc(a.id)}">
    ${a.note ? `<p class="note">${esc(a.note)}</p>` : ''}
    <p class="hint">Absent: ${end(a.from, 'any subject')} <span class="type">${esc(typeWords(a.type))}</span> → ${end(a.to, other)}${a.role ? ` as ${esc(a.role)}` : ''}</p>
    <span class="when">Documented ${esc(period(a.validFrom, a.validTo))}</span> · <span class="conf" title="confidence">${esc(a.confidence)}</span>
    ${a.citations.length ? citationList(a.citations) : '<p class="hint">No source cited.</p>'}
  </li>`;
}

function consultedItem(step) {
  let what;
  if (step.source) {
    const s = step.source;
    const link = webUrl(s.url) ? `<a href="${esc(s.url)}" target="_blank" rel="noopener noreferrer">${esc(s.title)}</a>` : esc(s.title);
    const who = [s.publisher, s.published].filter(Boolean).map(esc).join(', ');
    what = `${link}${who ? ` <span class="hint">${who}</span>` : ''}`;
  } else if (step.url) {
    what = webUrl(step.url) ? `<a href="${esc(step.url)}" target="_blank" rel="noopener noreferrer">${esc(step.url)}</a>` : esc(step.url);
  } else if (step.query) {
    what = `Search: <q class="query">${esc(step.query)}</q>`;
  } else {
    what = '<span class="hint">(not named)</span>';
  }
  return `<li>${what}<br><span class="result">→ ${esc(step.result)}</span></li>`;
}

function researchBlock(research, status) {
  if (!research) {
    return status === 'UNKNOWN'
      ? `<h3>Research record</h3><p class="research-none">No research record: nobody has yet recorded looking for this link in this country. Unknown means just that: no evidence either way.</p>`
      : '';
  }
  const body = `
    <dl>
      <dt>Checked on</dt><dd>${esc(research.checked)}</dd>
      <dt>Outcome</dt><dd>${esc(outcomes[research.outcome] ?? research.outcome)}</dd>
    </dl>
    <h4>Consulted (${research.consulted.length})</h4>
    <ol class="consulted">${research.consulted.map(consultedItem).join('')}</ol>
    <p class="conclusion"><strong>Conclusion:</strong> ${esc(research.conclusion)}</p>`;
  // Unknown rests on the research record alone: it is the evidence, shown open. Beside other evidence it is the trail.
  return status === 'UNKNOWN'
    ? `<section class="research"><h3>Research record</h3>${body}</section>`
    : `<details class="research"><summary>Research record (checked ${esc(research.checked)})</summary>${body}</details>`;
}

export function renderEvidence(container, evidence, countryName, asOf) {
  const { country, item, chains } = evidence;
  if (!item) {
    container.innerHTML = '<p class="hint">No such gap item.</p>';
    return;
  }
  const day = asOf ?? today();
  const s = statusOf(item.status);
  const names = new Map(chains.flat().flatMap(r => [[r.from.id, r.from], [r.to.id, r.to]]));
  const coarse = item.uncertain ? coarseDates(chains, day) : [];
  const evidenceList = ['PRESENT', 'PARTIAL', 'EXPIRED'].includes(item.status)
    ? (chains.length
      ? `<h3>Evidence</h3><ol class="chains">${chains.map(c => `<li>${c.map(r => relationBlock(r, names, null)).join('')}</li>`).join('')}</ol>`
      : '<p class="problem">The API gave no chain for this status.</p>')
    : '';
  const absences = item.status === 'MISSING'
    ? (item.absences.length
      ? `<h3>Documented absences</h3><ul class="absences">${item.absences.map(absenceBlock).join('')}</ul>`
      : '<p class="problem">The API gave no documented absence for this status.</p>')
    : '';
  container.innerHTML = `
    <h2>${esc(countryName(country))}: ${esc(item.label)}</h2>
    <p class="status-text ${esc(item.status)}"><strong><span aria-hidden="true">${s.mark}</span> ${esc(s.label)}</strong>${item.detail ? `: <span class="detail">${esc(item.detail)}</span>` : ''}
      <span class="hint">on ${esc(day)}</span></p>
    ${item.uncertain ? `<p class="uncertain-why"><strong>≈ Date uncertain.</strong> ${esc(uncertainWhy(day))}${coarse.length
      ? ` ${esc(coarse.map(c => coarseText(c, names)).join('; '))}.` : ''}</p>` : ''}
    ${item.legalBasis ? `<p class="hint">Basis: ${esc(item.legalBasis)}</p>` : ''}
    ${item.countsInScore ? '' : `<p class="not-scored">${esc(notScored)}</p>`}
    <p>${esc(explain[item.status] ?? s.meaning)}</p>
    ${evidenceList}
    ${absences}
    ${researchBlock(item.research, item.status)}
    <div class="buttons"><button type="button" data-expand="${esc(country)}">Show ${esc(countryName(country))} and its links on the graph</button>
      <button type="button" id="copy-cell" title="The cell as text, with a numbered list of its sources, ready to paste">Copy as text</button>
      <span class="copied" role="status" aria-live="polite"></span></div>`;
}
