// The API's names as a reader says them: relation types ("co-organised", not CO_ORGANIZED), attribute keys ("amount
// EUR", not amountEur), and the shorter names the canvas draws under each entity.

/** A relation type in words, in British spelling as the rest of the page: CO_ORGANIZED → "co-organised". */
export const typeWords = type => String(type ?? '').toLowerCase().replaceAll('_', ' ').replace(/^co /, 'co-').replaceAll('organiz', 'organis');

// Parts of attribute keys that are acronyms, whatever case the key gives them.
const acronyms = new Set(['eur', 'url', 'id', 'eu', 'csirt', 'cert', 'nis', 'nis2', 'ncsi', 'itu', 'gci', 'iso']);

/**
 * A camelCase key as words, split where a word begins: "trainingSessionsPlannedByEnd2024" → "Training sessions planned
 * by end 2024", "amountEur" → "Amount EUR", "numberOfCSIRTs" → "Number of CSIRTs".
 */
export function keyWords(key) {
  const parts = String(key ?? '').match(/[A-Z]+s?(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [String(key ?? '')];
  const words = parts.map(p => (acronyms.has(p.toLowerCase()) ? p.toUpperCase() : /^[A-Z]{2,}s?$/.test(p) ? p : p.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lines of at most `width` characters, broken between words (a longer word keeps its own line). */
export function lines(text, width) {
  const out = [];
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const line = out.at(-1);
    if (line !== undefined && line.length + 1 + word.length <= width) out[out.length - 1] = `${line} ${word}`;
    else out.push(word);
  }
  return out;
}

// An acronym a reader knows the entity by: WB3C, NATO, CIRT.ME, GovCIRT, iPROCEEDS-2, Cybercrime@IPA.
const acronym = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z0-9.@&\-]{1,13}$/;

/** Whether an acronym's capitals are the initials of the name's words, in order (MPA, not MJU, for a Ministry of Public Administration). */
function initialsOf(name, alias) {
  const initials = name.split(/[\s-]+/).map(w => w.charAt(0)).filter(c => /[A-Z0-9]/.test(c)).join('');
  let at = 0;
  for (const c of alias.replace(/[^A-Z]/g, '')) if ((at = initials.indexOf(c, at) + 1) === 0) return false;
  return true;
}

/**
 * The name the canvas draws under an entity: the name when it is short; else the acronym it is known by (WB3C for the
 * Western Balkans Cyber Capacity Centre, preferring one made of the name's initials); else the name without its
 * parentheses and subtitle, in at most two lines of about 20 characters, the last cut with "…". The full name is
 * drawn for the selected and the hovered entity.
 */
export function shortName(name, aliases = []) {
  if (name.length <= 20) return name;
  const known = name.length > 28 && aliases.filter(a => acronym.test(a))
    .sort((a, b) => Number(initialsOf(name, b)) - Number(initialsOf(name, a)) || a.length - b.length)[0];
  if (known) return known;
  let text = name.replace(/\s*\([^)]*\)/g, '').trim();
  const cut = text.search(/:\s|\s[–—-]\s|,\s/);
  if (cut >= 10) text = text.slice(0, cut);
  const wrapped = lines(text, 20);
  if (wrapped.length <= 2) return wrapped.join('\n');
  // A closing year tells apart the strategies of one country (2018-2021, 2022-2026): it stays.
  const year = /\s(\d{4}(?:[-–]\d{2,4})?)$/.exec(text)?.[1];
  return `${wrapped[0]}\n${wrapped[1].slice(0, year ? 12 : 19)}…${year ? ` ${year}` : ''}`;
}

/** The full name, wrapped in lines of about 26 characters, never cut. */
export const fullName = name => lines(name, 26).join('\n');
