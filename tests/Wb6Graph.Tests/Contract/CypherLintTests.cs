using Wb6Graph.Engine;
using Wb6Graph.Neo4j;
using Wb6Graph.Seeds;
using Wb6Graph.Tests.Support;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Contract;

/// <summary>Every Cypher statement the Neo4j backend can send, checked by Neo4j's Cypher language support (no server needed).</summary>
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
    public async Task BrokenStatementsFailTheLinterAndParametersDoNot()
    {
        (string Name, string Cypher, string? Culprit)[] cases =
        [
            ("typo-keyword", "MATCH (n:Entity {id: $id}) RETRN n", "RETRN"),
            ("unknown-label", "MATCH (n:Entty {id: $id}) RETURN n", "Entty"),
            ("unknown-type", "MATCH (a:Entity)-[r:FOUNDS]->(b:Entity) RETURN a, b", "FOUNDS"),
            ("unknown-property", "MATCH (n:Entity) WHERE n.valdFrom <= $asOf RETURN n", "valdFrom"),
            ("undefined-variable", "MATCH (n:Entity) RETURN m", "m"),
            ("fine-with-parameters", "MATCH (n:Entity {id: $id}) WHERE n.validFrom <= $asOf RETURN n.name", null),
        ];

        var results = (await CypherLinter.LintAsync(cases.Select(c => (c.Name, c.Cypher)))).ToDictionary(r => r.Name);

        foreach (var (name, _, culprit) in cases)
        {
            var diagnostics = results[name].Diagnostics;
            if (culprit is null) Assert.Empty(diagnostics);
            else Assert.Contains(diagnostics, d => d.Message.Contains(culprit, StringComparison.Ordinal));
        }
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
    }
}
