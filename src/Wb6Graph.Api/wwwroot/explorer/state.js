// The view lives in the URL, so that a copied link restores it: which entities are pinned, expanded (with
// their filters) or hidden, the selection, the date or the window of time, the path question, the open gap cell and
// the date the matrix is compared with.

const split = (text, sep) => (text ? text.split(sep).filter(Boolean) : []);
// A day of the calendar: 2024-02-30 has the form of a date, but the API would refuse it and with it the whole view.
const isDate = text => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text ?? '')) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
};
const xParam = e => [e.id, e.types.join('.'), e.kinds.join('.')].join(':').replace(/:+$/, '');
const pathParam = path => [path.from, path.to, path.k, path.maxHops, path.types.join('.')].join(',').replace(/,$/, '');

export function emptyState() {
  return { pinned: [], expanded: [], hidden: [], selected: null, asOf: null, window: null, view: 'graph', path: null, gap: null, compare: null, pair: null, problems: [] };
}

/** A first visit (nothing pinned or expanded) starts from the best-connected entity, so the canvas is never blank. */
export function startFrom(state, top) {
  if (state.pinned.length || state.expanded.length || !top?.length) return false;
  state.expanded.push({ id: top[0].entity.id, types: [], kinds: [] });
  return true;
}

export function readState(search) {
  const p = new URLSearchParams(search);
  const s = emptyState();
  s.pinned = split(p.get('pin'), ',');
  s.expanded = p.getAll('x').map(x => {
    const [id, types, kinds] = x.split(':');
    return { id, types: split(types, '.'), kinds: split(kinds, '.') };
  }).filter(e => e.id);
  s.hidden = split(p.get('hide'), ',');
  s.selected = p.get('sel') || null;
  s.asOf = isDate(p.get('asOf')) ? p.get('asOf') : null;
  if (p.has('asOf') && !s.asOf) s.problems.push(`asOf=${p.get('asOf')} in the link is not a date (YYYY-MM-DD): showing all history.`);
  s.view = p.get('view') === 'gaps' ? 'gaps' : 'graph';
  const path = split(p.get('path'), ',');
  if (path.length === 1) s.problems.push(`path=${p.get('path')} in the link needs from,to[,k,maxHops,types]: ignored.`);
  if (path.length >= 2) {
    s.path = { from: path[0], to: path[1], k: Number(path[2]) || 3, maxHops: Number(path[3]) || 6, types: split(path[4], '.') };
  }
  s.gap = p.get('gap') || null;
  const win = split(p.get('win'), ',');
  if (win.length === 2 && win.every(isDate)) s.window = { from: win[0], to: win[1] };
  else if (p.has('win')) s.problems.push(`win=${p.get('win')} in the link needs two dates (from,to): showing all history.`);
  s.compare = isDate(p.get('cmp')) ? p.get('cmp') : null;
  if (p.has('cmp') && !s.compare) s.problems.push(`cmp=${p.get('cmp')} in the link is not a date (YYYY-MM-DD): not compared.`);
  return s;
}

/**
 * Relation types and kinds of a link that the API does not name are left out, and said so: one unknown name would
 * otherwise make the API refuse the whole request, and the canvas or the paths with it. `known`: the API's names.
 */
export function keepKnownNames(s, known) {
  const keep = (values, names, what, param) => {
    const unknown = values.filter(v => !names.includes(v));
    if (unknown.length) s.problems.push(`${param} in the link: ${unknown.join(', ')} ${unknown.length > 1 ? `are not ${what}s` : `is not a ${what}`}, ignored.`);
    return values.filter(v => names.includes(v));
  };
  for (const e of s.expanded) {
    const param = `x=${xParam(e)}`;
    e.types = keep(e.types, known.types, 'relation type', param);
    e.kinds = keep(e.kinds, known.kinds, 'kind', param);
  }
  if (s.path) s.path.types = keep(s.path.types, known.types, 'relation type', `path=${pathParam(s.path)}`);
}

export function writeState(s) {
  const p = new URLSearchParams();
  if (s.view !== 'graph') p.set('view', s.view);
  if (s.asOf) p.set('asOf', s.asOf);
  if (s.window) p.set('win', `${s.window.from},${s.window.to}`);
  if (s.pinned.length) p.set('pin', s.pinned.join(','));
  for (const e of s.expanded) p.append('x', xParam(e));
  if (s.hidden.length) p.set('hide', s.hidden.join(','));
  if (s.selected) p.set('sel', s.selected);
  if (s.path) p.set('path', pathParam(s.path));
  if (s.gap) p.set('gap', s.gap);
  if (s.compare) p.set('cmp', s.compare);
  const text = p.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
  return text ? `?${text}` : '';
}
