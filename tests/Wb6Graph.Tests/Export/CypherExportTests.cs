using System.Text;
using Wb6Graph.Export;

namespace Wb6Graph.Tests.Export;

public sealed class CypherExportTests
{
    [Fact]
    public async Task Script_starts_with_the_uniqueness_constraint_and_merges_every_record()
    {
        var graph = SampleGraphs.Rich();
        var lines = (await SampleGraphs.ExportAsync("cypher", graph)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;", lines[0]);
        var statements = lines.Select(Scan).ToList();
        Assert.All(statements, s => Assert.EndsWith(";", s.Code));
        foreach (var e in graph.Entities)
            Assert.Contains(statements, s => s.Code.StartsWith("MERGE (n:Entity {id: ''}) SET n:" + e.Kind + ",") && s.Literals[0] == e.Id);
        foreach (var r in graph.Relations)
            Assert.Contains(statements, s => s.Code.Contains($"MERGE (a)-[r:{r.Type} {{id: ''}}]->(b)") && s.Literals[..3].SequenceEqual([r.From, r.To, r.Id]));
        foreach (var src in graph.Sources)
            Assert.Contains(statements, s => s.Code.StartsWith("MERGE (s:Source {id: ''})") && s.Literals[0] == src.Id);
    }

    [Fact]
    public async Task Hostile_strings_stay_inside_their_literals_and_decode_unchanged()
    {
        var script = await SampleGraphs.ExportAsync("cypher", SampleGraphs.Rich());

        var statements = script.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Scan).ToList();

        // Every literal closes on its own line, so code outside literals is all the statement does.
        Assert.All(statements, s => Assert.DoesNotContain("DETACH", s.Code));
        Assert.All(statements, s => Assert.DoesNotContain("//", s.Code));
        Assert.All(statements, s => Assert.Equal(1, s.Code.Count(c => c == ';')));
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
