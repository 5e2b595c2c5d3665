// What an analyst takes into a report: a path or a gap cell as text, each statement with its references in brackets
// and a numbered reference list (title, publisher, date, URL, retrieved) under it; the gap matrix as CSV, and as an SVG
// or PNG figure with its date, scores, coverage and legend.
import { when, confidenceText, today } from './render.js';
import { typeWords } from './words.js';
import { statuses, statusOf } from './kinds.js';

/** Numbers sources in the order they are first cited; `cite` gives the bracket for a list of citations. */
class References {
  #numbers = new Map();
  #sources = [];

  cite(citations, sources = null) {
    const marks = citations.map(c => {
      const source = c.source ?? sources?.get(c.sourceId) ?? { id: c.sourceId, title: c.sourceId };
      if (!this.#numbers.has(source.id)) { this.#sources.push(source); this.#numbers.set(source.id, this.#sources.length); }
      return `${this.#numbers.get(source.id)}${c.locator ? `, ${c.locator}` : ''}`;
    });
    return marks.length ? ` [${marks.join('; ')}]` : '';
  }

  /** "[1] Title. Publisher, 2024-06-14. Its address (retrieved 2026-12-04)." */
  text() {
    if (!this.#sources.length) return 'References: none cited.';
    const sentence = t => (/[.!?]$/.test(t) ? t : `${t}.`);
    return ['References', ...this.#sources.map((s, i) => {
      const who = [s.publisher, s.published].filter(Boolean).join(', ');
      const where = s.url ? ` ${s.url}` : s.document ? ` Document: ${s.document}` : '';
      return `[${i + 1}] ${sentence(s.title)}${who ? ` ${sentence(who)}` : ''}${where}${s.retrieved ? ` (retrieved ${s.retrieved})` : ''}`;
    })].join('\n');
  }
}

const name = (names, id) => names.get(id)?.name ?? id;

/** "KCSS organised Tirana roundtable as host, on 2024-09-03 (confidence H: official or primary) [1, para 2]". */
function statement(r, names, refs, sources) {
  const role = r.role ? ` as ${r.role}` : '';
  const aligned = r.alignment ? `, alignment ${r.alignment.toLowerCase()}` : '';
  return `${name(names, r.fromId)} ${typeWords(r.type)} ${name(names, r.toId)}${role}, ${when(r)}${aligned} (confidence ${r.confidence}: ${confidenceText[r.confidence] ?? ''})${refs.cite(r.citations ?? [], sources)}`;
}

const dateLine = asOf => (asOf ? `as of ${asOf}` : 'all history');

/** One path as text: its entities, each step with every relation that makes it, and the references. */
export function pathText(path, sources, asOf) {
  const names = new Map(path.entities.map(e => [e.id, e]));
  const refs = new References();
  const steps = path.steps.map((s, i) => `${i + 1}. ${s.relations.map(r => statement(r, names, refs, sources)).join('\n   ')}`);
  const held = path.validFrom || path.validTo ? `; the whole path held ${[path.validFrom && `from ${path.validFrom}`, path.validTo && `until ${path.validTo}`].filter(Boolean).join(' ')}` : '';
  return [
    `${path.entities.map(e => e.name).join(' → ')}`,
    `${path.length} ${path.length === 1 ? 'hop' : 'hops'}, ${dateLine(asOf)}; weakest step ${path.weakestConfidence ?? '?'}${held}.`,
    '', ...steps, '', refs.text(), '', `Wb6Graph, ${today()}.`,
  ].join('\n');
}

/** One gap cell as text: its status, the chains, absences or research record it rests on, and the references. */
export function cellText({ country, item, chains }, countryName, asOf) {
  const s = statusOf(item.status);
  const refs = new References();
  const names = new Map(chains.flat().flatMap(r => [[r.from.id, r.from], [r.to.id, r.to]]));
  const lines = [`${countryName} — ${item.label}: ${s.label}${item.detail ? ` (${item.detail})` : ''}, ${asOf ? `on ${asOf}` : `on ${today()}`}${item.uncertain ? ' (≈ date uncertain)' : ''}.`];
  if (item.legalBasis) lines.push(`Basis: ${item.legalBasis}.`);
  lines.push(`${s.label[0].toUpperCase()}${s.label.slice(1)}: ${s.meaning}.`);
  if (chains.length) {
    lines.push('', 'Evidence:');
    chains.forEach((c, i) => lines.push(`${i + 1}. ${c.map(r => statement(r, names, refs, null)).join('\n   ')}`));
  }
  if (item.absences?.length) {
    lines.push('', 'Documented absences:');
    item.absences.forEach((a, i) => lines.push(`${i + 1}. ${a.note ?? `${a.from?.name ?? 'any subject'} ${typeWords(a.type)} ${a.to?.name ?? 'any'}`}, documented ${[a.validFrom && `from ${a.validFrom}`, a.validTo && `until ${a.validTo}`].filter(Boolean).join(' ') || 'undated'} (confidence ${a.confidence})${refs.cite(a.citations)}`));
  }
  if (item.research) {
    const r = item.research;
    lines.push('', `Research record, checked ${r.checked}: ${r.outcome.toLowerCase().replaceAll('_', ' ')}.`);
    r.consulted.forEach(c => lines.push(`- ${c.source ? `Consulted${refs.cite([{ sourceId: c.source.id, source: c.source }])}` : c.url ? `Consulted ${c.url}` : `Searched "${c.query}"`}: ${c.result}`));
    lines.push(`Conclusion: ${r.conclusion}`);
  }
  lines.push('', refs.text(), '', `Wb6Graph, eu-alignment template, ${country}:${item.id}, ${today()}.`);
  return lines.join('\n');
}

const csvField = value => {
  let text = String(value ?? '');
  // A cell a spreadsheet would run as a formula is written as text.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const cellWords = item => `${statusOf(item.status).label}${item.detail ? ` (${item.detail})` : ''}${item.uncertain ? ' ≈' : ''}`;
const percent = v => (v === null || v === undefined ? '' : `${Math.round(v * 100)}%`);

/** The matrix as CSV: items down, countries across (and, compared, each country on the second date beside it). */
export function matrixCsv(data, { asOf, compare }) {
  const day = asOf ?? today();
  const reports = data.gaps, other = compare ? new Map(compare.gaps.map(r => [r.countryId, r])) : null;
  const head = ['Expected link', 'Legal basis', 'Counts in score'];
  for (const r of reports) head.push(`${r.country.name} (${day})`, ...(other ? [`${r.country.name} (${compare.day})`] : []));
  const rows = [head];
  (reports[0]?.items ?? []).forEach((item, i) => {
    const row = [item.label, item.legalBasis ?? '', item.countsInScore ? 'yes' : 'no'];
    for (const r of reports) row.push(cellWords(r.items[i]), ...(other ? [cellWords(other.get(r.countryId).items[i])] : []));
    rows.push(row);
  });
  for (const [label, pick] of [['Score', r => percent(r.score)], ['Researched items', r => r.researched], ['Eligible items', r => r.eligible], ['Coverage', r => percent(r.coverage)]]) {
    const row = [label, '', ''];
    for (const r of reports) row.push(pick(r), ...(other ? [pick(other.get(r.countryId))] : []));
    rows.push(row);
  }
  return `${rows.map(row => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const xml = value => String(value ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const fills = { PRESENT: ['#1a7f37', '#fff'], PARTIAL: ['#d4ecd9', '#0f4d22'], EXPIRED: ['#9a6700', '#fff'], MISSING: ['#b3261e', '#fff'], UNKNOWN: ['#ececec', '#333'], NOT_ELIGIBLE: ['#fff', '#6b6b6b'] };
const borders = { PARTIAL: ['#1a7f37', ''], UNKNOWN: ['#777', '2 2'], NOT_ELIGIBLE: ['#6b6b6b', '5 3'] };

function wrap(text, width) {
  const lines = [];
  for (const word of text.split(' ')) {
    if (lines.length && (lines.at(-1) + ' ' + word).length <= width) lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The matrix as an SVG figure, to stand in a report on its own: title with the date, the countries with score and
 * coverage, every cell coloured, marked and labelled (it reads in grey), the cells that changed since the compared
 * date outlined with what they were, and the legend.
 */
export function matrixSvg(data, { asOf, compare, changed = new Map() }) {
  const reports = data.gaps, items = reports[0]?.items ?? [];
  const labelWidth = 300, cellW = 126, cellH = 34, left = 16, top = 112;
  const rowLines = items.map(i => wrap(i.label, 44).slice(0, 2));
  const width = left + labelWidth + reports.length * cellW + 16;
  const legendTop = top + items.length * (cellH + 4) + 24;
  const footer = wrap('Score: present 1, partial ½, expired and missing 0, over the researched items that count; unknown and not eligible are left out. ≈: the status rests on a date known only to the month or year. '
    + `Wb6Graph, eu-alignment template, ${today()}.`, Math.floor((width - 2 * left) / 6));
  const legendRows = Math.ceil(Object.keys(statuses).length / 3);
  const height = legendTop + legendRows * 42 + 8 + footer.length * 14;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="24" font-size="17" font-weight="bold">EU alignment of the Western Balkans Six, ${xml(asOf ? `as of ${asOf}` : `on ${today()}`)}</text>`,
    compare ? `<text x="${left}" y="42" fill="#555">Outlined: changed since ${xml(compare.day)} (what it was in small type)</text>` : ''];
  reports.forEach((r, c) => {
    const x = left + labelWidth + c * cellW + cellW / 2, name = wrap(r.country.name, 16).slice(0, 2);
    name.forEach((line, k) => out.push(`<text x="${x}" y="${58 + (2 - name.length) * 15 + k * 15}" text-anchor="middle" font-weight="bold">${xml(line)}</text>`));
    out.push(`<text x="${x}" y="${90}" text-anchor="middle">${r.score === null || r.score === undefined ? 'no researched item' : `score ${percent(r.score)}`}</text>`);
    out.push(`<text x="${x}" y="${104}" text-anchor="middle" fill="#555" font-size="10">${r.researched} of ${r.eligible} researched</text>`);
  });
  items.forEach((item, i) => {
    const y = top + i * (cellH + 4);
    rowLines[i].forEach((line, k) => out.push(`<text x="${left}" y="${y + 14 + k * 14}">${xml(line)}</text>`));
    reports.forEach((r, c) => {
      const cell = r.items[i], s = statusOf(cell.status), [fill, ink] = fills[cell.status] ?? ['#fff', '#000'];
      const [stroke, dash] = borders[cell.status] ?? ['none', ''];
      const x = left + labelWidth + c * cellW + 2, was = changed.get(`${r.countryId}:${cell.id}`);
      out.push(`<rect x="${x}" y="${y}" width="${cellW - 4}" height="${cellH}" rx="3" fill="${fill}" stroke="${was ? '#000' : stroke}" stroke-width="${was ? 3 : 2}"${dash && !was ? ` stroke-dasharray="${dash}"` : ''}/>`);
      out.push(`<text x="${x + (cellW - 4) / 2}" y="${y + (was ? 15 : 21)}" text-anchor="middle" fill="${ink}">${xml(`${s.mark} ${s.label}${cell.uncertain ? ' ≈' : ''}`)}</text>`);
      if (was) out.push(`<text x="${x + (cellW - 4) / 2}" y="${y + 28}" text-anchor="middle" fill="${ink}" font-size="9">was ${xml(`${statusOf(was).mark} ${statusOf(was).label}`)}</text>`);
    });
  });
  // The legend: each status as a cell and what it means, in two lines where it needs them.
  const column = (width - 2 * left) / 3;
  Object.entries(statuses).forEach(([status, s], k) => {
    const x = left + (k % 3) * column, y = legendTop + Math.floor(k / 3) * 42;
    const [fill, ink] = fills[status], [stroke, dash] = borders[status] ?? ['none', ''];
    out.push(`<rect x="${x}" y="${y - 12}" width="90" height="16" rx="3" fill="${fill}" stroke="${stroke}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    out.push(`<text x="${x + 45}" y="${y}" text-anchor="middle" fill="${ink}" font-size="11">${xml(`${s.mark} ${s.label}`)}</text>`);
    wrap(s.meaning, Math.floor((column - 104) / 5.2)).slice(0, 3).forEach((line, l) => out.push(`<text x="${x + 96}" y="${y + l * 12}" font-size="10" fill="#333">${xml(line)}</text>`));
  });
  footer.forEach((line, k) => out.push(`<text x="${left}" y="${height - 10 - (footer.length - 1 - k) * 14}" font-size="10" fill="#555">${xml(line)}</text>`));
  out.push('</svg>');
  return out.filter(Boolean).join('\n');
}

/** The SVG figure as a PNG, twice its size (a data: URL). */
export async function svgToPng(svg) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width * 2, height: image.height * 2 });
    const g = canvas.getContext('2d');
    g.scale(2, 2);
    g.drawImage(image, 0, 0);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
