// Checks Cypher statements with Neo4j's own Cypher language support (syntax and semantic analysis).
// stdin:  {"schema": {labels, relationshipTypes, propertyKeys}, "statements": [{"name", "cypher"}, ...]}
// stdout: one JSON object {"results": [{"name", "diagnostics": [{"severity", "message", "offset"}]}]}
// Parameters are declared by the application at run time, so "parameter not defined" is not a finding; every other
// diagnostic is, warnings included: with the schema given, a label, type or property we do not write is a typo.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const schema = input.schema ?? {};
const results = input.statements.map(({ name, cypher }) => {
  const { diagnostics } = lintCypherQuery(cypher, schema);
  return {
    name,
    diagnostics: diagnostics.filter(isNotParamError).map((d) => ({
      severity: d.severity === 1 ? 'error' : 'warning',
      message: d.message,
      offset: d.offsets?.start ?? null,
    })),
  };
});
process.stdout.write(JSON.stringify({ results }));
