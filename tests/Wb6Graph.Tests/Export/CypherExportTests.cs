using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wb6Graph.Export;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using Wb6Graph.Tests.Neo4j;

namespace Wb6Graph.Tests.Export;

public sealed class CypherExportTests
{
    [Fact]
    public async Task The_script_is_what_the_Neo4j_store_writes_into_an_empty_database_for_the_same_graph()
    {
        // A graph the store accepts as seeds: every kind of date, a retraction, a document absent from nowhere.
        var graph = Contract.ContractGraph.Build();
        var server = new FakeNeo4jServer();
        server.Fallback = r => r.Statement == Neo4jStoreStatements.ModelVersion ? FakeNeo4jServer.Result(["model", "hasData"], [[null, false]])
            : r.Statement?.StartsWith("MERGE (m:Meta", StringComparison.Ordinal) == true ? FakeNeo4jServer.Result(["version"], [[1]])
            : FakeNeo4jServer.Result([], []);
        var options = new Neo4jOptions { Url = "http://neo4j.test:7474", Password = "password1", SeedBatchSize = 2 };
        var store = new Neo4jGraphStore(new Neo4jQueryClient(new HttpClient(server), options), options);

        await store.EnsureSchemaAsync();
        await store.LoadSeedsAsync(graph);
        using var output = new MemoryStream();
        await new CypherExporter { BatchSize = 2 }.WriteAsync(GraphData.From(graph), output, null, CancellationToken.None);

        var storeWrites = server.Requests
            .Where(r => r.Statement is not null && r.Json.GetProperty("accessMode").GetString() == "Write")
            .Select(r => CypherLiterals.Inline(r.Statement!, Clr(r.Parameters))).ToList();
        var script = Statements(Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(storeWrites.Count, script.Count);
        for (var i = 0; i < script.Count; i++) Assert.Equal(storeWrites[i], script[i]);
        // What makes the API answer from a loaded script as from the store: the schema, the model, every fact once.
        Assert.Contains(script, s => s.Contains("CREATE CONSTRAINT rel_founded_id", StringComparison.Ordinal));
        Assert.Contains(script, s => s.Contains("CREATE TEXT INDEX entity_search_text", StringComparison.Ordinal));
        Assert.Contains(script, s => s.Contains("SET m.model = 2", StringComparison.Ordinal));
        Assert.Equal(graph.Entities.Count, script.Sum(s => Regex.Count(s, @"\bsearchText: '")));
    }

    [Fact]
    public async Task Dates_are_day_strings_and_retractions_carry_the_flag_the_store_filters_on()
    {
        var script = await SampleGraphs.ExportAsync("cypher", SampleGraphs.Rich());

        Assert.DoesNotContain("date(", script, StringComparison.Ordinal);
        Assert.Contains("since: '2023-07-14'", script, StringComparison.Ordinal);
        // hostile-leads ends in 2025-01-01 and is known to the year from 2021: it counts from 2021-01-01.
        Assert.Contains("validFrom: '2021', validTo: '2025-01-01'", script, StringComparison.Ordinal);
        Assert.Contains("since: '2021-01-01', until: '2025-01-01'", script, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(script, "retracted: true"));
    }

    [Fact]
    public async Task Hostile_strings_stay_inside_their_literals_and_decode_unchanged()
    {
        var script = await SampleGraphs.ExportAsync("cypher", SampleGraphs.Rich());

        var statements = Statements(script).Select(Scan).ToList();

        // Every literal closes on its own line, so code outside literals is all the statement does.
        Assert.All(statements, s => Assert.DoesNotContain("DETACH", s.Code));
        Assert.All(statements, s => Assert.DoesNotContain("//", s.Code));
        Assert.All(statements, s => Assert.DoesNotContain(";", s.Code));
        var literals = statements.SelectMany(s => s.Literals).ToList();
        Assert.Contains(SampleGraphs.Hostile, literals);
        // A retraction travels as one JSON property (Neo4j properties cannot hold maps), as the store writes it.
        var retraction = literals.Single(l => l.StartsWith("{\"reason\"", StringComparison.Ordinal));
        Assert.Equal("Misread: " + SampleGraphs.Hostile, System.Text.Json.JsonDocument.Parse(retraction).RootElement.GetProperty("reason").GetString());
        Assert.Contains("Regional centre in Podgorica;\nopened 2023", literals);
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("line\nbreak\r", @"'line\nbreak\r'")]
    [InlineData("bell\u0007", @"'bell\u0007'")]
    [InlineData(@"\u0027", @"'\\u0027'")]
    public void Literal_escapes_what_could_end_or_bend_it(string value, string expected) =>
        Assert.Equal(expected, CypherExporter.Literal(value));

    [Fact]
    public void Null_is_the_null_keyword() => Assert.Equal("null", CypherExporter.Literal(null));

    /// <summary>The statements of a script: each ends with ';' and a blank line (literals never hold a line break).</summary>
    private static List<string> Statements(string script) =>
        script.Split(";\n\n", StringSplitOptions.RemoveEmptyEntries).Where(s => s.Trim().Length > 0).ToList();

    /// <summary>Parameters as the store sent them (JSON), as values again, to be written in as the script writes them.</summary>
    private static Dictionary<string, object?> Clr(JsonElement parameters) =>
        parameters.EnumerateObject().ToDictionary(p => p.Name, p => Clr1(p.Value));

    private static object? Clr1(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.GetInt64(),
        JsonValueKind.Array => e.EnumerateArray().Select(Clr1).ToList(),
        _ => (IReadOnlyDictionary<string, object?>)Clr(e),
    };

    /// <summary>Splits a statement into the code outside string literals and the decoded literals, as Cypher's lexer would.</summary>
    private static (string Code, string[] Literals) Scan(string line)
    {
        var code = new StringBuilder();
        var literals = new List<string>();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\'')
            {
                code.Append(line[i]);
                continue;
            }
            code.Append("''");
            var literal = new StringBuilder();
            for (i++; line[i] != '\''; i++)
            {
                if (line[i] != '\\')
                {
                    literal.Append(line[i]);
                    continue;
                }
                i++;
                switch (line[i])
                {
                    case 'n': literal.Append('\n'); break;
                    case 'r': literal.Append('\r'); break;
                    case 't': literal.Append('\t'); break;
                    case 'u': literal.Append((char)Convert.ToInt32(line.Substring(i + 1, 4), 16)); i += 4; break;
                    default: literal.Append(line[i]); break;
                }
            }
            literals.Add(literal.ToString());
        }
        return (code.ToString(), [.. literals]);
    }
}
