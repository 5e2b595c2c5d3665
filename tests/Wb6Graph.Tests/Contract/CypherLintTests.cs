using Wb6Graph.Engine;
using Wb6Graph.Neo4j;
using Wb6Graph.Tests.Neo4j;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Contract;

/// <summary>
/// Every Cypher statement the Neo4j backend can send, checked by Neo4j's Cypher language support on the Cypher 5
/// grammar of Neo4j 5.26 (the version docker-compose.yml runs); no server needed.
/// </summary>
public sealed class CypherLintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryQuestionStatementPassesTheCypherLinter()
    {
        await AssertCleanAsync(Neo4jQuestionStatements.All(new EngineLimits()).ToList());
    }

    [Fact]
    public async Task EveryStoreStatementPassesTheCypherLinter() => await AssertCleanAsync(Neo4jStoreStatements.All().ToList());

    [Fact]
    public async Task BrokenStatementsFailTheLinter()
    {
        (string Name, string Cypher, string Culprit)[] cases =
        [
            ("typo-keyword", "MATCH (n:Entity {id: $id}) RETRN n", "Did you mean RETURN?"),
            ("unknown-label", "MATCH (n:Entty {id: $id}) RETURN n", "Entty"),
            ("unknown-type", "MATCH (a:Entity)-[r:FOUNDS]->(b:Entity) RETURN a, b", "FOUNDS"),
            ("unknown-property", "MATCH (n:Entity) WHERE n.valdFrom <= $asOf RETURN n", "valdFrom"),
            ("unknown-property-in-a-pattern", "MATCH (n:Entity {idd: $id}) RETURN n", "idd"),
            ("unknown-property-in-a-constraint", "CREATE CONSTRAINT x IF NOT EXISTS FOR (n:Entity) REQUIRE n.idd IS UNIQUE", "idd"),
            ("undefined-variable", "MATCH (n:Entity) RETURN m", "m"),
            // Later servers' syntax that 5.26 refuses: the linter must read the grammar the compose file runs.
            ("filter-clause-of-2025", "MATCH (n:Entity) FILTER n.id = $id RETURN n", "Expected"),
            ("let-clause-of-2025", "MATCH (n:Entity) LET x = n.id RETURN x", "Expected"),
            ("cypher-25", "CYPHER 25 MATCH (n:Entity) RETURN n", "Cypher 5 only"),
        ];

        var results = (await CypherLinter.LintAsync(cases.Select(c => (c.Name, c.Cypher)))).ToDictionary(r => r.Name);

        foreach (var (name, _, culprit) in cases)
            Assert.True(results[name].Diagnostics.Any(d => d.Message.Contains(culprit, StringComparison.Ordinal)),
                $"{name}: expected a finding naming '{culprit}', got: {string.Join("; ", results[name].Diagnostics.Select(d => d.Message))}");
    }

    [Fact]
    public async Task A_parameter_used_but_not_sent_or_sent_but_not_used_fails_the_linter()
    {
        const string cypher = "MATCH (n:Entity {id: $id}) WHERE n.validFrom <= $asOf RETURN n.name";
        (string Name, string Cypher, IReadOnlyCollection<string>? Sent)[] cases =
        [
            ("exact", cypher, ["id", "asOf"]),
            ("missing", cypher, ["id"]),
            ("unused", cypher, ["id", "asOf", "limit"]),
        ];

        var results = (await CypherLinter.LintAsync(cases)).ToDictionary(r => r.Name);

        Assert.Empty(results["exact"].Diagnostics);
        Assert.Equal(["asOf", "id"], results["exact"].Parameters);
        Assert.Contains(results["missing"].Diagnostics, d => d.Message == "Parameter $asOf is used but not sent");
        Assert.Contains(results["unused"].Diagnostics, d => d.Message == "Parameter limit is sent but not used");
    }

    private async Task AssertCleanAsync(IReadOnlyList<(string Name, string Cypher)> statements)
    {
        Assert.NotEmpty(statements);
        Assert.Equal(statements.Count, statements.Select(s => s.Name).Distinct().Count());

        var results = await CypherLinter.LintAsync(statements);

        output.WriteLine($"{results.Count} statements linted:");
        foreach (var r in results) output.WriteLine($"  {r.Name}{(r.Diagnostics.Count == 0 ? "" : $"  <-- {r.Diagnostics.Count} finding(s)")}");
        Assert.Equal(statements.Count, results.Count);
        var failures = results.Where(r => r.Diagnostics.Count > 0)
            .Select(r => $"{r.Name}: {string.Join("; ", r.Diagnostics.Select(d => $"{d.Severity} at {d.Offset}: {d.Message}"))}\n{statements.First(s => s.Name == r.Name).Cypher}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} statements fail the Cypher linter:\n\n{string.Join("\n\n", failures)}");

        // The scripted server checks every request's parameters against what its statement uses, found by a scan; the
        // grammar must find the same in every statement, or that check could pass a statement Neo4j would refuse.
        foreach (var (r, s) in results.Zip(statements))
            Assert.True(FakeNeo4jServer.UsedParameters(s.Cypher).Order(StringComparer.Ordinal).SequenceEqual(r.Parameters),
                $"{r.Name}: the grammar finds parameters {string.Join(", ", r.Parameters)}, the scan {string.Join(", ", FakeNeo4jServer.UsedParameters(s.Cypher))}");
    }
}
