// Checks Cypher statements as Neo4j 5.26 would read them: @neo4j-cypher/language-support 2.0.0-next.13 is the last
// release whose grammar and semantic analysis are those of the 5.x line (2.0.0-next.14 moved to 2025.01), so syntax
// that later servers added (FILTER, LET, NEXT, WHEN, Cypher 25) is an error here, as it is on the server.
//
// stdin:  {"schema": {labels, relationshipTypes, propertyKeys},
//          "statements": [{"name", "cypher", "parameters": ["name", ...] or null}, ...]}
// stdout: {"results": [{"name", "parameters": [names the statement uses], "diagnostics": [{"severity", "message", "offset"}]}]}
//
// Every diagnostic is a finding, warnings included: with the schema given, a label or type we do not write is a typo.
// This release does not check property keys, so this script does, where it can tell what a key belongs to: keys read
// off a variable bound to a node or relationship pattern, keys in a pattern's property map, and keys of schema
// commands (maps, UNWIND rows and GDS results have keys of their own). When the parameters a statement is sent with are
// given, a parameter it uses but is not sent, and one it is sent but does not use, are errors too.
import { lintCypherQuery, parserWrapper, CypherParser as R } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const schema = input.schema ?? {};
const propertyKeys = new Set(schema.propertyKeys ?? []);

const results = input.statements.map(({ name, cypher, parameters }) => {
  const diagnostics = lintCypherQuery(cypher, schema).map((d) => ({
    severity: d.severity === 1 ? 'error' : 'warning',
    message: d.message,
    offset: d.offsets?.start ?? null,
  }));
  const error = (message, offset = null) => diagnostics.push({ severity: 'error', message, offset });

  // 5.26 runs Cypher 5 only; a CYPHER version or option prefix would pick something it does not have.
  if (/^\s*CYPHER\b/i.test(cypher)) error('the statement starts with a CYPHER prefix; Neo4j 5.26 runs Cypher 5 only', 0);

  const used = new Set();
  for (const statement of parserWrapper.parse(cypher).statementsParsing) {
    const found = scan(statement.ctx);
    found.parameters.forEach((p) => used.add(p));
    for (const { key, offset } of found.keys)
      if (schema.propertyKeys && !propertyKeys.has(key)) error(`Property key ${key} is not one the store writes`, offset);
  }
  if (Array.isArray(parameters)) {
    const sent = new Set(parameters);
    for (const p of used) if (!sent.has(p)) error(`Parameter $${p} is used but not sent`);
    for (const p of sent) if (!used.has(p)) error(`Parameter ${p} is sent but not used`);
  }
  return { name, parameters: [...used].sort(), diagnostics };
});
process.stdout.write(JSON.stringify({ results }));

/** The parameters a statement uses, and the property keys of nodes and relationships it names. */
function scan(root) {
  const patternVariables = new Set();
  const parameters = new Set();
  const candidates = [];
  walk(root, (n) => {
    switch (n.ruleIndex) {
      case R.RULE_nodePattern:
      case R.RULE_relationshipPattern: {
        const variable = n.children?.find((c) => c.ruleIndex === R.RULE_variable);
        if (variable) patternVariables.add(variable.getText());
        const map = n.children?.find((c) => c.ruleIndex === R.RULE_properties)?.children?.find((c) => c.ruleIndex === R.RULE_map);
        for (const key of map?.children?.filter((c) => c.ruleIndex === R.RULE_propertyKeyName) ?? [])
          candidates.push({ owner: null, key: key.getText(), offset: key.start.start });
        break;
      }
      case R.RULE_parameter:
        parameters.add(n.children[1].getText());
        break;
      case R.RULE_property: {
        const key = { owner: owner(n), key: n.children[1].getText(), offset: n.start.start };
        if (key.owner !== undefined) candidates.push(key);
        break;
      }
    }
  });
  const keys = candidates.filter((k) => k.owner === null || patternVariables.has(k.owner));
  return { parameters, keys };
}

/**
 * What a property is read from: a variable's name for `v.key` (the first lookup on a bare variable), null for a
 * schema command's property list (always a node or relationship), undefined for anything else.
 */
function owner(property) {
  const parent = property.parentCtx;
  if (parent.ruleIndex === R.RULE_propertyList || parent.ruleIndex === R.RULE_enclosedPropertyList) return null;
  let expression;
  if (parent.ruleIndex === R.RULE_postFix) {
    const outer = parent.parentCtx;
    if (outer.children.indexOf(parent) === 1) expression = outer.children[0];
  } else if (parent.ruleIndex === R.RULE_propertyExpression && parent.children.indexOf(property) === 1) {
    expression = parent.children[0];
  }
  if (!expression) return undefined;
  const text = expression.getText();
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? text : undefined;
}

function walk(node, visit) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}
