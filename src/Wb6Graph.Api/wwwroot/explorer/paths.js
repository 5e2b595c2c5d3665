// Paths between two entities: k shortest simple paths, each step with every relation that makes it, when it held or
// happened, its confidence and its citations; one path can be shown alone on the canvas, or copied as text with a
// numbered reference list. The two ends are typed as names, with the search box's suggestions.
import { pathsDocument, run, sourcesById } from './api.js';
import { esc, entityLink, relationBlock, period, count } from './render.js';
import { typeWords } from './words.js';
import { attachSearch, endId, setEnd } from './search.js';

export async function loadPaths(question, asOf) {
  const document = pathsDocument({ ...question, asOf });
  const data = await run(document);
  const ids = data.paths.flatMap(p => p.steps.flatMap(s => s.relations.flatMap(r => r.citations.map(c => c.sourceId))));
  const sources = await sourcesById(ids);
  return { paths: data.paths, sources, document, capped: data.capped.includes('paths') };
}

/** What the paths add to the canvas, and what to highlight (all paths, or only the one at `only`). */
export function pathElements(paths, only = null) {
  const entities = new Map(), relations = new Map();
  paths.forEach((p, i) => {
    if (only !== null && i !== only) return;
    p.entities.forEach(e => entities.set(e.id, e));
    p.steps.forEach(s => s.relations.forEach(r => relations.set(r.id, r)));
  });
  return { entities, relations };
}

export function renderPaths(container, question, result, asOf) {
  const { paths, capped } = result;
  if (!paths.length) {
    const types = question.types.map(typeWords).join(', ');
    container.innerHTML = `<p>No path from <code>${esc(question.from)}</code> to <code>${esc(question.to)}</code> within ${esc(count(Number(question.maxHops), 'hop'))}${asOf ? ` on ${esc(asOf)}` : ''}${types ? ` through ${esc(types)}` : ''}.</p>`;
    return;
  }
  const names = new Map(paths.flatMap(p => p.entities.map(e => [e.id, e])));
  container.innerHTML = `
    <p>${count(paths.length, 'path')}${asOf ? ` on ${esc(asOf)}` : ''}, shortest first. Highlighted on the canvas.${capped
      ? ' <strong class="capped">The server capped this question (its k or its max hops): there may be more paths than these.</strong>'
      : ''}</p>
    <ol class="paths">${paths.map((p, i) => `
      <li data-path="${i}">
        <strong>${count(p.length, 'hop')}:</strong> ${p.entities.map(entityLink).join(' → ')}
        <br><span class="hint">weakest step ${esc(p.weakestConfidence ?? '?')}; ${p.validFrom || p.validTo ? `the whole path held ${esc(period(p.validFrom, p.validTo))}` : 'no step is dated'}</span>
        <div class="buttons">
          <button type="button" data-only="${i}" aria-pressed="false">Show only this path</button>
          <button type="button" data-copy-path="${i}" title="The path as text, with a numbered list of its sources, ready to paste">Copy as text</button>
          <span class="copied" role="status" aria-live="polite"></span>
        </div>
        <ol class="steps">${p.steps.map(s => `<li>${s.relations.map(r => relationBlock(r, names, result.sources)).join('')}</li>`).join('')}</ol>
      </li>`).join('')}
    </ol>`;
}

/** A path end typed as an id or a name: a name is looked up as the search box does; a name picked keeps its id. */
async function resolve(input) {
  const picked = endId(input);
  if (picked) return picked;
  const text = input.value.trim();
  const data = await run({
    query: 'query PathEnd($id: ID!, $text: String) { entity(id: $id) { id } entities(search: $text, first: 1) { nodes { id } } }',
    operationName: 'PathEnd', variables: { id: text, text },
  });
  const id = data.entity?.id ?? data.entities.nodes[0]?.id;
  if (!id) throw new Error(`No entity matches "${text}" (path end).`);
  return id;
}

/** The paths form: its two ends read as names (with suggestions) or ids, then `onAsk` with the question; Clear calls `onClear`. */
export function attachPathsForm(form, clear, { types, onAsk, onClear, onProblem, asOf }) {
  const f = form.elements;
  for (const end of [f.from, f.to]) {
    attachSearch(end, document.getElementById(end.getAttribute('aria-controls')), { onPick: e => setEnd(end, e), asOf, clearOnPick: false });
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const [from, to] = await Promise.all([resolve(f.from), resolve(f.to)]);
      onAsk({ from, to, k: Number(f.k.value) || 3, maxHops: Number(f.maxHops.value) || 6, types: types() });
    } catch (error) { onProblem(error.message); }
  });
  clear.addEventListener('click', onClear);
}
