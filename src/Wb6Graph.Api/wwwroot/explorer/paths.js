// Paths between two entities: k shortest simple paths, each step with every relation that makes it,
// when it held or happened, its confidence and its citations (ready to cite).
import { pathsDocument, run, sourcesById } from './api.js';
import { esc, entityLink, relationBlock, period, count } from './render.js';

export async function loadPaths(question, asOf) {
  const document = pathsDocument({ ...question, asOf });
  const data = await run(document);
  const ids = data.paths.flatMap(p => p.steps.flatMap(s => s.relations.flatMap(r => r.citations.map(c => c.sourceId))));
  const sources = await sourcesById(ids);
  return { paths: data.paths, sources, document, capped: data.capped.includes('paths') };
}

/** What the paths add to the canvas, and what to highlight. */
export function pathElements(paths) {
  const entities = new Map(), relations = new Map();
  for (const p of paths) {
    p.entities.forEach(e => entities.set(e.id, e));
    p.steps.forEach(s => s.relations.forEach(r => relations.set(r.id, r)));
  }
  return { entities, relations };
}

export function renderPaths(container, question, result, asOf) {
  const { paths, sources, capped } = result;
  if (!paths.length) {
    container.innerHTML = `<p>No path from <code>${esc(question.from)}</code> to <code>${esc(question.to)}</code> within ${esc(count(Number(question.maxHops), 'hop'))}${asOf ? ` on ${esc(asOf)}` : ''}${question.types.length ? ` through ${esc(question.types.join(', '))}` : ''}.</p>`;
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
        <ol class="steps">${p.steps.map(s => `<li>${s.relations.map(r => relationBlock(r, names, sources)).join('')}</li>`).join('')}</ol>
      </li>`).join('')}
    </ol>`;
}

/** A path end may be typed as an id or a name: a name is looked up like the search box does. */
async function resolve(text) {
  const data = await run(`{ entity(id: ${JSON.stringify(text)}) { id } entities(search: ${JSON.stringify(text)}, first: 1) { nodes { id } } }`);
  const id = data.entity?.id ?? data.entities.nodes[0]?.id;
  if (!id) throw new Error(`No entity matches "${text}" (path end).`);
  return id;
}

/** The paths form: its two ends read as ids or names, then `onAsk` with the question; Clear calls `onClear`. */
export function attachPathsForm(form, clear, { types, onAsk, onClear, onProblem }) {
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const f = form.elements;
    try {
      const [from, to] = await Promise.all([resolve(f.from.value.trim()), resolve(f.to.value.trim())]);
      onAsk({ from, to, k: Number(f.k.value) || 3, maxHops: Number(f.maxHops.value) || 6, types: types() });
    } catch (error) { onProblem(error.message); }
  });
  clear.addEventListener('click', onClear);
}
