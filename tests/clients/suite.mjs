// The GraphQL clients dashboards are built on, each asking a dashboard's questions of a running Wb6Graph API:
// the gap matrix with variables, a paged entity list, and errors the client must surface as GraphQL errors.
// Clients that speak automatic persisted queries also go through the protocol: not found, registered, a cached GET
// with an ETag, and a 304 that a browser-like HTTP cache turns back into the answer.
//
// usage: node suite.mjs http://127.0.0.1:PORT
// stdout: one JSON object per line, {"client", "check", "ok", "detail"}; the exit code is 1 if any check failed.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client as UrqlClient, fetchExchange, gql as urqlGql } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { GraphQLClient, ClientError } from 'graphql-request';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { getIntrospectionQuery } from 'graphql';

const base = process.argv[2];
if (!base) {
  console.error('usage: node suite.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const url = `${base}/graphql`;
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// ---------------------------------------------------------------------------------------------------------------
// What went over the wire, per client; optionally an HTTP cache as a browser keeps one (If-None-Match, 304).

function wire({ httpCache = false } = {}) {
  const log = [];
  const cache = new Map(); // url -> { etag, body, contentType }
  const fetcher = async (input, init = {}) => {
    const target = typeof input === 'string' ? input : input.url ?? String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const kept = httpCache && method === 'GET' ? cache.get(target) : undefined;
    if (kept) headers.set('if-none-match', kept.etag);
    const response = await fetch(target, { ...init, headers });
    const text = response.status === 304 ? '' : await response.clone().text();
    log.push({ method, ...sent(target, init.body), status: response.status, etag: response.headers.get('etag'), cacheControl: response.headers.get('cache-control'), notFound: text.includes('"PersistedQueryNotFound"') });
    if (response.status === 304 && kept) return new Response(kept.body, { status: 200, headers: { 'content-type': kept.contentType, etag: kept.etag } });
    const etag = response.headers.get('etag');
    if (httpCache && method === 'GET' && response.status === 200 && etag) cache.set(target, { etag, body: text, contentType: response.headers.get('content-type') });
    return response;
  };
  return { log, fetch: fetcher };
}

/** Whether a request carried its document and the hash of an automatic persisted query, from its URL or its body. */
function sent(target, body) {
  let params = {};
  if (typeof body === 'string') params = JSON.parse(body);
  else {
    const search = new URL(target).searchParams;
    params = { query: search.get('query'), extensions: search.get('extensions') ? JSON.parse(search.get('extensions')) : undefined };
  }
  return { query: !!params.query, hash: params.extensions?.persistedQuery?.sha256Hash ?? null };
}

// ---------------------------------------------------------------------------------------------------------------
// The clients, each behind run(document, variables) -> { data, errors }: errors as the client surfaces them.

function apollo({ persisted }) {
  const w = wire({ httpCache: persisted });
  const http = new HttpLink({ uri: url, fetch: w.fetch });
  const link = persisted ? createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(http) : http;
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return {
    name: persisted ? 'apollo-persisted-get' : 'apollo',
    method: persisted ? 'GET' : 'POST',
    persisted,
    wire: w.log,
    parses: true,
    async run(document, variables) {
      const { data, error } = await client.query({ query: apolloGql(document), variables, fetchPolicy: 'network-only', errorPolicy: 'all' });
      // Apollo Client 4 surfaces GraphQL errors as CombinedGraphQLErrors, with the response's errors in .errors.
      if (error && !Array.isArray(error.errors)) throw new Error(`Apollo surfaced ${error.name}, not GraphQL errors: ${error.message}`);
      return { data, errors: error?.errors };
    },
  };
}

function urql({ method, persisted = false }) {
  const w = wire({ httpCache: persisted });
  const exchanges = persisted
    ? [persistedExchange({ preferGetForPersistedQueries: true, generateHash: async (query) => sha256(query) }), fetchExchange]
    : [fetchExchange];
  const client = new UrqlClient({ url, fetch: w.fetch, exchanges, preferGetMethod: method === 'GET' ? 'force' : false });
  return {
    name: persisted ? 'urql-persisted-get' : `urql-${method.toLowerCase()}`,
    method,
    persisted,
    wire: w.log,
    parses: true,
    async run(document, variables) {
      const { data, error } = await client.query(urqlGql(document), variables, { requestPolicy: 'network-only' }).toPromise();
      if (error && error.graphQLErrors.length === 0) throw new Error(`urql surfaced a network error, not GraphQL errors: ${error.message}`);
      return { data: data ?? null, errors: error?.graphQLErrors };
    },
  };
}

function graphqlRequest() {
  const w = wire();
  const client = new GraphQLClient(url, { fetch: w.fetch });
  return {
    name: 'graphql-request',
    method: 'POST',
    wire: w.log,
    async run(document, variables) {
      try {
        return { data: await client.request(document, variables), errors: undefined };
      } catch (e) {
        // graphql-request throws a ClientError holding the response: its data (if any) and its errors.
        if (!(e instanceof ClientError)) throw e;
        return { data: e.response.data ?? null, errors: e.response.errors };
      }
    },
  };
}

function graphiql() {
  const w = wire();
  // The IDE's own fetcher (GraphiQL.createFetcher in wwwroot/graphiql is this one), as the IDE calls it.
  const fetcher = createGraphiQLFetcher({ url, fetch: w.fetch });
  return {
    name: 'graphiql-fetcher',
    method: 'POST',
    wire: w.log,
    async run(document, variables, operationName) {
      let result = await fetcher({ query: document, variables, operationName });
      if (result && typeof result[Symbol.asyncIterator] === 'function') {
        let last;
        for await (const part of result) last = part;
        result = last;
      }
      return { data: result.data ?? null, errors: result.errors };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The questions, and what each client must get.

const check = (condition, message) => {
  if (!condition) throw new Error(message);
};
const noErrors = (r) => check(!r.errors?.length, `unexpected errors: ${JSON.stringify(r.errors)}`);

const GAPS = (name) => `query ${name}($asOf: Date) {
  gaps(asOf: $asOf) { countryId country { name } score coverage items { id status } }
}`;

async function gapMatrix(client) {
  const seen = client.wire.length;
  const r = await client.run(GAPS('GapMatrix'), { asOf: '2025-06-01' });
  noErrors(r);
  const reports = r.data.gaps;
  check(reports.length === 6, `six countries expected, got ${reports.length}`);
  check(reports.some((g) => g.countryId === 'ba' && g.country.name === 'Bosnia and Herzegovina'), 'Bosnia and Herzegovina by name');
  check(reports.every((g) => g.items.length > 0 && g.coverage >= 0 && g.coverage <= 1), 'every report has items and a coverage in [0, 1]');
  const [asked, ...more] = client.wire.slice(seen);
  check(asked.method === client.method, `sent with ${asked.method}, expected ${client.method}`);
  // A plain GET is cacheable at once; a persisted one once registered (persistedFlow).
  if (client.method === 'GET' && !client.persisted) check(asked.etag, 'a GET answer carries an ETag');
  const trip = [asked, ...more].map((w) => `${w.method} ${w.status}`).join(', ');
  return `${reports.length} countries, ${reports.reduce((n, g) => n + g.items.length, 0)} items: ${trip}`;
}

async function pagedList(client) {
  const document = `query Entities($first: Int, $after: String) {
    entities(first: $first, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
  }`;
  const first = await client.run(document, { first: 5 });
  noErrors(first);
  const page1 = first.data.entities;
  check(page1.edges.length === 5 && page1.pageInfo.hasNextPage, 'a first page of five, with more to come');
  const second = await client.run(document, { first: 5, after: page1.pageInfo.endCursor });
  noErrors(second);
  const page2 = second.data.entities;
  const ids = new Set([...page1.edges, ...page2.edges].map((e) => e.node.id));
  check(page2.edges.length === 5 && ids.size === 10, 'a second page of five others after endCursor');
  check(page1.totalCount === page2.totalCount && page1.totalCount > 100, 'the same totalCount on both pages');
  return `2 pages of 5 of ${page1.totalCount}`;
}

async function fieldError(client) {
  // One question of the panel fails; the others still answer, and the client says which failed and why.
  const r = await client.run('query Panel { stats { entities } neighbourhood(id: "nope") { truncated } }', {});
  check(r.data?.stats?.entities > 0, `the other fields answer: ${JSON.stringify(r.data)}`);
  check(r.data.neighbourhood === null, 'the failed field is null');
  const error = r.errors?.find((e) => e.path?.[0] === 'neighbourhood');
  check(error, `an error with path neighbourhood: ${JSON.stringify(r.errors)}`);
  check(error.extensions?.code === 'BAD_USER_INPUT' && error.message.includes('nope'), `names the id: ${error.message}`);
  return error.message;
}

async function invalidDocument(client) {
  const r = await client.run('query Broken { stats { nope } }', {});
  check(!r.data, 'no data for a document that does not validate');
  check(r.errors?.some((e) => e.message.includes('nope')), `a validation error naming the field: ${JSON.stringify(r.errors)}`);
  return r.errors[0].message;
}

async function syntaxError(client) {
  // Apollo and urql parse documents before sending them; the clients that send text as it is get the server's error.
  const r = await client.run('query Broken { stats { entities }', {});
  check(!r.data, 'no data for a document that does not parse');
  check(r.errors?.some((e) => e.extensions?.code === 'SYNTAX_ERROR' && /line 1/.test(e.message)), `a syntax error with its place: ${JSON.stringify(r.errors)}`);
  return r.errors[0].message;
}

async function introspection(client) {
  // What GraphiQL asks first, to draw the schema and complete queries.
  const r = await client.run(getIntrospectionQuery(), {}, 'IntrospectionQuery');
  noErrors(r);
  const types = r.data.__schema.types.map((t) => t.name);
  check(types.includes('GapReport') && types.includes('EntityConnection'), 'the schema has GapReport and EntityConnection');
  return `${types.length} types`;
}

async function persistedFlow(client) {
  // A document this server has never seen, so that the first request is the protocol's miss.
  const name = `Gaps_${client.name.replace(/-/g, '_')}_${process.pid}`;
  const seen = client.wire.length;
  const variables = { asOf: '2024-01-01' };
  const first = await client.run(GAPS(name), variables);
  noErrors(first);
  const second = await client.run(GAPS(name), variables);
  noErrors(second);
  const third = await client.run(GAPS(name), variables);
  noErrors(third);
  check(JSON.stringify(third.data) === JSON.stringify(first.data), 'the same answer every time');
  const [miss, register, hit, revalidated, ...rest] = client.wire.slice(seen);
  check(rest.length === 0 && revalidated, `four requests expected: ${JSON.stringify(client.wire.slice(seen))}`);
  check(miss.method === 'GET' && !miss.query && miss.hash && miss.notFound && miss.status === 200 && /no-store/.test(miss.cacheControl ?? ''),
    `1: a GET of the hash alone, answered PersistedQueryNotFound (200, no-store): ${JSON.stringify(miss)}`);
  check(register.query && register.hash === miss.hash && register.status === 200 && !register.notFound,
    `2: the document resent with its hash, registered and answered: ${JSON.stringify(register)}`);
  check(hit.method === 'GET' && !hit.query && hit.hash === miss.hash && hit.status === 200 && hit.etag,
    `3: a GET of the hash alone, answered with an ETag: ${JSON.stringify(hit)}`);
  check(revalidated.method === 'GET' && !revalidated.query && revalidated.status === 304,
    `4: the same GET revalidated with If-None-Match, answered 304: ${JSON.stringify(revalidated)}`);
  return `GET miss -> ${register.method} with the document -> GET 200 ${hit.etag} -> GET 304`;
}

// ---------------------------------------------------------------------------------------------------------------

const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
  console.error(`node ${process.versions.node} is too old for the client suite (fetch and Web streams need 18 or later)`);
  process.exit(2);
}

const clients = [
  apollo({ persisted: false }),
  apollo({ persisted: true }),
  urql({ method: 'GET' }),
  urql({ method: 'POST' }),
  urql({ method: 'GET', persisted: true }),
  graphqlRequest(),
  graphiql(),
];
let failed = 0;
for (const client of clients) {
  const checks = [
    ...(client.persisted ? [persistedFlow] : []),
    gapMatrix,
    pagedList,
    fieldError,
    invalidDocument,
    ...(client.parses ? [] : [syntaxError]),
    ...(client.name === 'graphiql-fetcher' ? [introspection] : []),
  ];
  for (const c of checks) {
    const result = { client: client.name, check: c.name };
    const start = performance.now();
    try {
      result.detail = await c(client);
      result.ok = true;
    } catch (e) {
      result.ok = false;
      result.detail = e?.stack ?? String(e);
      failed++;
    }
    result.ms = Math.round(performance.now() - start);
    console.log(JSON.stringify(result));
  }
}
process.exit(failed > 0 ? 1 : 0);
