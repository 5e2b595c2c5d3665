using System.Diagnostics;
using System.Text.Json;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Contract;

/// <summary>
/// Runs tests/cypher-lint/lint.mjs: Neo4j's own Cypher language support (npm @neo4j-cypher/language-support, pinned to
/// the release that reads the Cypher 5 of Neo4j 5.26), given our labels, relationship types and property keys, so that a
/// misspelt label or property is reported like a syntax error. Given the parameters a statement is sent with, it also
/// reports one used but not sent, and one sent but not used.
/// </summary>
internal static class CypherLinter
{
    public sealed record Diagnostic(string Severity, string Message, int? Offset);

    /// <summary>A statement's findings, and the parameters its grammar says it uses.</summary>
    public sealed record Result(string Name, IReadOnlyList<string> Parameters, IReadOnlyList<Diagnostic> Diagnostics);

    public static Task<IReadOnlyList<Result>> LintAsync(IEnumerable<(string Name, string Cypher)> statements) =>
        LintAsync(statements.Select(s => (s.Name, s.Cypher, (IReadOnlyCollection<string>?)null)));

    private static readonly string Dir = Repo.Path("tests/cypher-lint");

    /// <summary>Lints each statement; where <c>Sent</c> is given, its parameters must be exactly the ones the statement uses.</summary>
    public static async Task<IReadOnlyList<Result>> LintAsync(IEnumerable<(string Name, string Cypher, IReadOnlyCollection<string>? Sent)> statements)
    {
        var package = Path.Combine(Dir, "node_modules", "@neo4j-cypher", "language-support", "package.json");
        Assert.True(File.Exists(package), $"the Cypher linter is not installed: run `npm ci` in {Dir} (.ci/run does)");
        var installed = JsonDocument.Parse(File.ReadAllText(package)).RootElement.GetProperty("version").GetString();
        var pinned = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "package.json"))).RootElement
            .GetProperty("dependencies").GetProperty("@neo4j-cypher/language-support").GetString();
        Assert.True(installed == pinned, $"the Cypher linter installed in {Dir} is {installed}, not the pinned {pinned} (5.26's grammar): run `npm ci` there");
        var input = JsonSerializer.Serialize(new
        {
            schema = Schema(),
            statements = statements.Select(s => new { name = s.Name, cypher = s.Cypher, parameters = s.Sent }),
        });
        var start = new ProcessStartInfo("node", "lint.mjs")
        {
            WorkingDirectory = Dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"node is not installed or not on PATH ({e.Message}); install Node.js and run `npm ci` in {Dir}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"lint.mjs failed ({process.ExitCode}); run `npm ci` in {Dir}: {await stderr}");
            using var doc = JsonDocument.Parse(await stdout);
            return doc.RootElement.GetProperty("results").EnumerateArray()
                .Select(r => new Result(
                    r.GetProperty("name").GetString()!,
                    r.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()!).ToList(),
                    r.GetProperty("diagnostics").EnumerateArray().Select(d => new Diagnostic(
                        d.GetProperty("severity").GetString()!, d.GetProperty("message").GetString()!,
                        d.GetProperty("offset").ValueKind == JsonValueKind.Number ? d.GetProperty("offset").GetInt32() : null)).ToList()))
                .ToList();
        }
    }

    /// <summary>What the store writes: the property keys are read off the maps the store sends, not typed out again.</summary>
    private static object Schema()
    {
        var entity = new Entity("e", EntityKind.Country, "E", [], null, null, [], null, null, []);
        var relation = new Relation("r", RelationType.FOUNDED, "a", "b", null, null, null, Confidence.H, [], []);
        var source = new Source("s", "S", null, null, null, null, SourceKind.Official);
        var absence = new Absence("x", "a", RelationType.DESIGNATED_AS, null, null, null, null, Confidence.H, []);
        var keys = Neo4jMapping.EntityProps(entity).Keys
            .Concat(Neo4jMapping.RelationProps(relation).Keys)
            .Concat(Neo4jMapping.SourceProps(source).Keys)
            .Concat(Neo4jMapping.AbsenceProps(absence).Keys)
            .Append("dataVersion").Append("model")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new
        {
            labels = new[] { "Entity", "Source", "Meta", "Absence" }.Concat(Enum.GetNames<EntityKind>()).ToList(),
            relationshipTypes = Enum.GetNames<RelationType>(),
            propertyKeys = keys,
        };
    }
}
