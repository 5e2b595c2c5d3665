// The explorer is a client of the public /graphql endpoint, like any dashboard: every question below is
// plain GraphQL, and the last document of each view is kept so that "Copy query" hands over exactly what ran.

const literal = value => JSON.stringify(value);
const list = values => `[${values.join(', ')}]`;

/** Arguments as GraphQL text; strings quoted, enums bare, empty values left out. */
function args(named) {
  const parts = [];
  for (const [name, value] of Object.entries(named)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (value && value.enums) parts.push(`${name}: ${list(value.enums)}`);
    else if (typeof value === 'number' || typeof value === 'boolean') parts.push(`${name}: ${value}`);
    else parts.push(`${name}: ${literal(value)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** Enum values go into the document bare, so only GraphQL names pass: a crafted link cannot rewrite the query. */
const isName = value => /^[_A-Za-z][_0-9A-Za-z]*$/.test(String(value));
export const enums = values => {
  const names = (values ?? []).filter(isName);
  return names.length ? { enums: names } : undefined;
};

export class GraphQLError extends Error {}

const accept = 'application/graphql-response+json, application/json';

/**
 * Reads go by GET, whose answers the server keeps (until the data changes) and the browser revalidates by ETag;
 * a document too long for a URL goes by POST.
 */
function send(document) {
  const url = `/graphql?query=${encodeURIComponent(document)}`;
  if (url.length <= 4000) return fetch(url, { headers: { accept, 'graphql-require-preflight': '1' } });
  return fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query: document }) });
}

export const run = document => answer(send(document));

/** The data of a response on its way, or its GraphQL errors as an exception. */
export async function answer(pending) {
  const response = await pending;
  let body;
  try { body = await response.json(); } catch { throw new GraphQLError(`The API answered ${response.status} without a GraphQL body.`); }
  if (body.errors && body.errors.length) throw new GraphQLError(body.errors.map(e => e.message).join('; '));
  if (!response.ok) throw new GraphQLError(`The API answered ${response.status}.`);
  return body.data;
}

const entityFields = 'id name kind country validFrom validTo';
const relationFields = 'id type fromId toId validFrom validTo confidence role';
const sourceFields = 'id title publisher published url document kind';

export function searchDocument(text, asOf) {
  return `{ entities${args({ search: text, asOf, first: 8 })} { totalCount nodes { id name kind country aliases } } }`;
}

/** One document for the canvas: each pinned entity, and the neighbourhood of each expanded one. */
export function graphDocument({ pinned, expanded, asOf }) {
  const fields = [];
  pinned.forEach((id, i) => fields.push(`  p${i}: entity${args({ id })} { ${entityFields} }`));
  expanded.forEach((e, i) => fields.push(
    `  x${i}: neighbourhood${args({ id: e.id, depth: 1, types: enums(e.types), kinds: enums(e.kinds), asOf, limit: 200 })} {\n` +
    `    truncated entities { ${entityFields} } relations { ${relationFields} }\n  }`));
  return fields.length ? `query Canvas {\n${fields.join('\n')}\n}` : '';
}

export function entityDocument(id, asOf) {
  return `query Entity {
  entity${args({ id })} {
    id kind name aliases country description validFrom validTo origin
    attributes { key type value }
    sources { ${sourceFields} }
    relations${args({ asOf })} { ${relationFields} }
  }
}`;
}

export function pathsDocument({ from, to, k, maxHops, types, asOf }) {
  return `query Paths {
  paths${args({ from, to, k, maxHops, types: enums(types), asOf })} {
    length weakestConfidence validFrom validTo
    entities { id name kind country }
    steps { from to relations { ${relationFields} sources { id } } }
  }
}`;
}

// Suggestions that matter for alignment: from a WB6 country or institution to a body, network or programme.
const suggestFrom = ['Country', 'NationalAuthority', 'Csirt'];
const suggestTo = ['EuBody', 'Network', 'Convention', 'RegionalCentre', 'InternationalOrganization', 'Project'];

export function gapsDocument(asOf) {
  return `query Gaps {
  gaps${args({ asOf })} { country score items { id label legalBasis status } }
  suggestedLinks${args({ fromKinds: enums(suggestFrom), toKinds: enums(suggestTo), limit: 10, asOf })} { from to score method sharedNeighbours }
  countries: entities${args({ kind: enums(['Country']), first: 50 })} { nodes { id name } }
}`;
}

export function gapEvidenceDocument(country, asOf) {
  return `query GapEvidence { gaps${args({ country, asOf })} { country items { id label legalBasis status evidence { relations { id } } } } }`;
}

/** Many lookups by id in one request, as aliased fields: n0: source(id: ...) { ... }. */
export function lookupDocument(field, ids, selection) {
  return `{\n${ids.map((id, i) => `  n${i}: ${field}${args({ id })} { ${selection} }`).join('\n')}\n}`;
}

export const sourceSelection = sourceFields;
export const relationSelection = `${relationFields} from { id name kind } to { id name kind } sources { ${sourceFields} }`;

const _sources = new Map();

/** Sources by id, each fetched once per page load (paths list only their ids, to stay under the complexity cap). */
export async function sourcesById(ids) {
  const missing = [...new Set(ids)].filter(id => !_sources.has(id));
  if (missing.length) {
    const data = await run(lookupDocument('source', missing, sourceFields));
    missing.forEach((id, i) => _sources.set(id, data[`n${i}`]));
  }
  return new Map(ids.map(id => [id, _sources.get(id)]));
}

export async function relationsById(ids) {
  if (!ids.length) return new Map();
  const unique = [...new Set(ids)];
  const data = await run(lookupDocument('relation', unique, relationSelection));
  return new Map(unique.map((id, i) => [id, data[`n${i}`]]));
}
