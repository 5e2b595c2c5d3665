// Loaded before the canvas library: the first question (vocabulary, countries, where to start) is already on
// its way while the browser parses Cytoscape.js. main.js picks up the answer.
window.explorerBoot = fetch('/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
  body: JSON.stringify({
    query: `query Start {
  types: __type(name: "RelationType") { enumValues { name } }
  kinds: __type(name: "EntityKind") { enumValues { name } }
  countries: entities(kind: [Country], first: 200) { nodes { id name } }
  top: centrality(measure: DEGREE, limit: 1) { entity { id } }
}`,
  }),
}).then(r => r.json());
