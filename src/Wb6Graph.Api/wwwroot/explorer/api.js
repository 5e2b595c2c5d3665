// The explorer is a client of the public /graphql endpoint, like any dashboard: every question below is
// plain GraphQL, and the last request of each view is kept so that "Copy query" hands over exactly what ran. What a
// view chooses (ids, date, filters) travels as variables, so the documents stay the same from view to view: a
// dashboard takes one and changes only its variables.

const literal = value => JSON.stringify(value);
const list = values => `[${values.join(', ')}]`;
const empty = value => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Arguments as GraphQL text; strings quoted, enums bare, empty values left out. */
function args(named) {
  const parts = [];
  for (const [name, value] of Object.entries(named)) {
    if (empty(value)) continue;
    if (value && value.variable) parts.push(`${name}: $${value.variable}`);
    else if (value && value.enums) parts.push(`${name}: ${list(value.enums)}`);
    else if (typeof value === 'number' || typeof value === 'boolean') parts.push(`${name}: ${value}`);
    else parts.push(`${name}: ${literal(value)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** Relation types and kinds from a link: only GraphQL names, so that a crafted link is refused here, not by the API. */
const isName = value => /^[_A-Za-z][_0-9A-Za-z]*$/.test(String(value));
const names = values => (values ?? []).filter(isName);

/** Enum constants of a document, written bare. */
const enums = values => { const n = names(values); return n.length ? { enums: n } : undefined; };

/**
 * One named operation whose chosen values are variables. `$(name, type, value)` declares a variable (once, however
 * many fields use it) and stands for it in `args`. An empty value is sent as null rather than left out, so that the
 * document is the same whatever the view chose: a dashboard that sets `asOf` on a document copied without a date
 * gets that date, where an undeclared variable would be ignored.
 */
class Operation {
  definitions = [];
  variables = {};

  constructor(name) { this.name = name; }

  $(name, type, value) {
    if (!(name in this.variables)) {
      this.definitions.push(`$${name}: ${type}`);
      this.variables[name] = empty(value) ? null : value;
    }
    return { variable: name };
  }

  /** The request: `{ query, operationName, variables }`, as POST sends it. */
  request(body) {
    const definitions = this.definitions.length ? `(${this.definitions.join(', ')})` : '';
    return { query: `query ${this.name}${definitions} {\n${body}\n}`, operationName: this.name, variables: this.variables };
  }
}

/** The API's refusal; `errors` are its GraphQL errors, whose `path` names the field (the alias) that failed. */
export class GraphQLError extends Error {
  constructor(message, errors = []) {
    super(message);
    this.errors = errors;
  }

  /**
   * The API refused what was asked (an unknown id, a bad argument or document), as against a failure of the moment
   * (a timeout, the store away, the network): only a refusal is dropped from the view and its link.
   */
  get refused() {
    return this.errors.length > 0 && this.errors.every(e => ['BAD_USER_INPUT', 'NOT_FOUND'].includes(e.extensions?.code));
  }
}

const accept = 'application/graphql-response+json, application/json';

/**
 * Reads go by GET, whose answers the server keeps (until the data changes) and the browser revalidates by ETag;
 * a request too long for a URL goes by POST.
 */
function send(request) {
  const { query, operationName, variables } = typeof request === 'string' ? { query: request } : request;
  const params = new URLSearchParams({ query });
  if (operationName) params.set('operationName', operationName);
  if (variables && Object.keys(variables).length) params.set('variables', JSON.stringify(variables));
  const url = `/graphql?${params}`;
  if (url.length <= 4000) return fetch(url, { headers: { accept, 'graphql-require-preflight': '1' } });
  return fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query, operationName, variables }) });
}

/** Sends a request (`{ query, operationName, variables }` or a bare document) and waits for its data. */
export const run = request => answer(send(request));

/** Two requests ask the same when their documents and variables are the same. */
export const sameRequest = (a, b) => Boolean(a && b) && a.query === b.query && JSON.stringify(a.variables) === JSON.stringify(b.variables);

/** The data of a response on its way, or its GraphQL errors as an exception. */
export async function answer(pending) {
  const response = await pending;
  let body;
  try { body = await response.json(); } catch { throw new GraphQLError(`The API answered ${response.status} without a GraphQL body.`); }
  if (body.errors && body.errors.length) throw new GraphQLError(body.errors.map(e => e.message).join('; '), body.errors);
  if (!response.ok) throw new GraphQLError(`The API answered ${response.status}.`);
  // The fields a server cap cut (extensions.capped), beside the data rather than in it.
  if (body.data) Object.defineProperty(body.data, 'capped', { value: body.extensions?.capped ?? [] });
  return body.data;
}

// `ended` and a relation's `uncertain` are about the asOf of the field above them (a neighbourhood, a list of relations).
const entityFields = 'id name kind aliases countryId validFrom validTo ended';
const relationFields = 'id type fromId toId temporality occurredOn validFrom validTo attestedOn startUnknown uncertain alignment confidence role';
const sourceFields = 'id title publisher published retrieved url document kind';
// Each source a fact cites, with where in it and what it says there.
const citationFields = `citations { sourceId locator note source { ${sourceFields} } }`;

export function searchDocument(text, asOf) {
  const op = new Operation('Search');
  return op.request(`  entities${args({ search: op.$('search', 'String', text), asOf: op.$('asOf', 'Date', asOf), first: 8 })} { totalCount nodes { id name kind countryId country { name } aliases } }`);
}

/** One request for the canvas: each pinned entity, and the neighbourhood of each expanded one (null: nothing to ask). */
export function graphDocument({ pinned, expanded, asOf }) {
  if (!pinned.length && !expanded.length) return null;
  const op = new Operation('Canvas');
  const fields = [];
  pinned.forEach((id, i) => fields.push(`  p${i}: entity${args({ id: op.$(`p${i}`, 'ID!', id) })} { ${entityFields} }`));
  expanded.forEach((e, i) => fields.push(
    `  x${i}: neighbourhood${args({
      id: op.$(`x${i}`, 'ID!', e.id), depth: 1, types: op.$(`x${i}Types`, '[RelationType!]', names(e.types)),
      kinds: op.$(`x${i}Kinds`, '[EntityKind!]', names(e.kinds)), asOf: op.$('asOf', 'Date', asOf), limit: 200,
    })} {\n    truncated entities { ${entityFields} } relations { ${relationFields} }\n  }`));
  return op.request(fields.join('\n'));
}

export function entityDocument(id, asOf) {
  const op = new Operation('Entity');
  const entity = args({ id: op.$('id', 'ID!', id) }), on = args({ asOf: op.$('asOf', 'Date', asOf) });
  return op.request(`  entity${entity} {
    id kind name aliases countryId country { name } description validFrom validTo origin
    attributes { key type value }
    ${citationFields}
    relations${on} { ${relationFields} from { id name kind } to { id name kind } ${citationFields} }
  }`);
}

export function pathsDocument({ from, to, k, maxHops, types, asOf }) {
  const op = new Operation('Paths');
  return op.request(`  paths${args({
    from: op.$('from', 'ID!', from), to: op.$('to', 'ID!', to), k: op.$('k', 'Int', k), maxHops: op.$('maxHops', 'Int', maxHops),
    types: op.$('types', '[RelationType!]', names(types)), asOf: op.$('asOf', 'Date', asOf),
  })} {
    length weakestConfidence validFrom validTo
    entities { id name kind countryId }
    steps { fromId toId relations { ${relationFields} citations { sourceId locator note } } }
  }`);
}

// Suggestions that matter for alignment: from a WB6 country or institution to a body, network, forum or programme. The six
// are the eu-alignment template's countries (graph-seeds/templates); the graph holds EU members too.
const wb6 = ['al', 'ba', 'xk', 'me', 'mk', 'rs'];
const suggestFrom = ['Country', 'NationalAuthority', 'Csirt'];
const suggestTo = ['EuBody', 'Network', 'Forum', 'Convention', 'RegionalCentre', 'InternationalOrganization', 'Project'];

export function gapsDocument(asOf) {
  const op = new Operation('Gaps');
  const on = op.$('asOf', 'Date', asOf);
  return op.request(`  gaps${args({ asOf: on })} { countryId country { name } score coverage researched eligible items { id label legalBasis status uncertain detail countsInScore } }
  suggestedLinks${args({ countries: op.$('countries', '[ID!]', wb6), fromKinds: enums(suggestFrom), toKinds: enums(suggestTo), limit: 10, asOf: on })} {
    from { id name kind } to { id name kind } score method sharedNeighbours { id name }
  }`);
}

export function gapEvidenceDocument(country, asOf) {
  const op = new Operation('GapEvidence');
  return op.request(`  gaps${args({ country: op.$('country', 'ID', country), asOf: op.$('asOf', 'Date', asOf) })} {
    countryId items {
      id label legalBasis status uncertain detail countsInScore
      evidence { relations { id } }
      absences { id from { id name kind } type to { id name kind } kind role validFrom validTo confidence note ${citationFields} }
      research { checked outcome conclusion consulted { source { ${sourceFields} } url query result } }
    }
  }`);
}

/** Many lookups by id in one request, as aliased fields: n0: source(id: ...) { ... }. */
export function lookupDocument(field, ids, selection) {
  return `{\n${ids.map((id, i) => `  n${i}: ${field}${args({ id })} { ${selection} }`).join('\n')}\n}`;
}

export const sourceSelection = sourceFields;
export const relationSelection = `${relationFields} from { id name kind } to { id name kind } ${citationFields}`;

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
