// Paths between two entities: k shortest simple paths, each step with every relation that makes it,
// its dates, confidence and sources (ready to cite).
import { pathsDocument, run, sourcesById } from './api.js';
import { esc, entityLink, relationBlock, dates, count } from './render.js';

export async function loadPaths(question, asOf) {
  const document = pathsDocument({ ...question, asOf });
  const data = await run(document);
  const ids = data.paths.flatMap(p => p.steps.flatMap(s => s.relations.flatMap(r => r.sources.map(x => x.id))));
  const sources = await sourcesById(ids);
  return { paths: data.paths, sources, document };
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
  const { paths, sources } = result;
  if (!paths.length) {
    container.innerHTML = `<p>No path from <code>${esc(question.from)}</code> to <code>${esc(question.to)}</code> within ${esc(count(Number(question.maxHops), 'hop'))}${asOf ? ` on ${esc(asOf)}` : ''}${question.types.length ? ` through ${esc(question.types.join(', '))}` : ''}.</p>`;
    return;
  }
  const names = new Map(paths.flatMap(p => p.entities.map(e => [e.id, e])));
  container.innerHTML = `
    <p>${count(paths.length, 'path')}${asOf ? ` on ${esc(asOf)}` : ''}, shortest first. Highlighted on the canvas.</p>
    <ol class="paths">${paths.map((p, i) => `
      <li data-path="${i}">
        <strong>${count(p.length, 'hop')}:</strong> ${p.entities.map(entityLink).join(' → ')}
        <br><span class="hint">weakest step ${esc(p.weakestConfidence ?? '?')}; ${p.validFrom || p.validTo ? `the whole path held ${esc(dates(p.validFrom, p.validTo))}` : 'no step is dated'}</span>
        <ol class="steps">${p.steps.map(s => `<li>${s.relations.map(r => relationBlock(r, names, sources)).join('')}</li>`).join('')}</ol>
      </li>`).join('')}
    </ol>`;
}
