using System.Text;
using Wb6Graph.Export;
using Wb6Graph.Model;

namespace Wb6Graph.Tests.Export;

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rlf", "\"cr\rlf\"")]
    [InlineData("# not a header", "\"# not a header\"")]
    [InlineData("", "")]
    public void Quote_follows_rfc_4180(string cell, string expected) => Assert.Equal(expected, CsvGraphExporter.Quote(cell));

    [Fact]
    public async Task Stdout_layout_is_three_headed_tables_whose_cells_parse_back()
    {
        var graph = SampleGraphs.Rich();
        var text = await SampleGraphs.ExportAsync("csv", graph);

        var tables = Tables(text);

        Assert.Equal(["entities", "relations", "sources"], tables.Keys);
        Assert.Equal(CsvGraphExporter.EntityColumns, tables["entities"][0]);
        Assert.Equal(CsvGraphExporter.RelationColumns, tables["relations"][0]);
        Assert.Equal(CsvGraphExporter.SourceColumns, tables["sources"][0]);
        Assert.Equal(graph.Entities.Count + 1, tables["entities"].Count);
        Assert.Equal(graph.Relations.Count + 1, tables["relations"].Count);
        Assert.Equal(graph.Sources.Count + 1, tables["sources"].Count);

        var hostile = tables["entities"].Single(r => r[0] == "hostile");
        Assert.Equal(SampleGraphs.Hostile, hostile[1]);
        Assert.Equal("2020-01-01", hostile[6]);
        Assert.Equal("2025-01-01", hostile[7]);
        Assert.Equal("mfa-fr; balkan-insight", hostile[9]);

        var founded = tables["relations"].Single(r => r[3] == "FOUNDED");
        Assert.Equal(["fr", "wb3c", "act", "2023-07-14", "", "", "", "", "co-founder", "H", "amount=1.5"], founded[1..3].Concat(founded[4..13]));
        var leads = tables["relations"].Single(r => r[0] == "hostile-leads");
        Assert.Equal(["state", "", "2021", "2025-01-01"], leads[4..8]);
        Assert.Equal("PARTIAL", tables["relations"].Single(r => r[0] == "law-aligns")[9]);
        var retracted = tables["relations"].Single(r => r[0] == "retracted-one");
        Assert.StartsWith("Misread", retracted[14]);
    }

    [Fact]
    public async Task Files_layout_puts_relations_in_the_named_file_and_siblings_beside_it()
    {
        var dir = Directory.CreateTempSubdirectory("wb6-csv-");
        try
        {
            var path = Path.Combine(dir.FullName, "graph.csv");
            await new CsvGraphExporter().WriteFilesAsync(GraphData.From(SampleGraphs.Rich()), path, null, CancellationToken.None);

            var relations = Parse(await File.ReadAllTextAsync(path));
            var entities = Parse(await File.ReadAllTextAsync(Path.Combine(dir.FullName, "graph.entities.csv")));
            var sources = Parse(await File.ReadAllTextAsync(Path.Combine(dir.FullName, "graph.sources.csv")));
            Assert.Equal("id,source,target,label", string.Join(',', relations[0][..4]));
            Assert.Equal(6, relations.Count);
            Assert.Equal(7, entities.Count);
            Assert.Equal(3, sources.Count);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Sibling_paths_drop_only_a_csv_extension()
    {
        Assert.Equal(("out/g.entities.csv", "out/g.sources.csv"), CsvGraphExporter.SiblingPaths("out/g.csv"));
        Assert.Equal(("g.txt.entities.csv", "g.txt.sources.csv"), CsvGraphExporter.SiblingPaths("g.txt"));
    }

    /// <summary>Groups the stdout layout by its "# name" lines, which are only headers when unquoted.</summary>
    private static Dictionary<string, List<string[]>> Tables(string text)
    {
        var tables = new Dictionary<string, List<string[]>>();
        List<string[]>? current = null;
        foreach (var row in Parse(text))
        {
            if (row is ["#", var name]) tables[name] = current = [];
            else
            {
                Assert.NotNull(current);
                current.Add(row);
            }
        }
        return tables;
    }

    /// <summary>A strict RFC 4180 reader, so the test checks the quoting rather than trusting a library's leniency.</summary>
    internal static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (row.Count == 0 && cell.Length == 0 && text[i] == '#')
            {
                var end = text.IndexOf("\r\n", i, StringComparison.Ordinal);
                rows.Add(["#", text[(i + 2)..end]]);
                i = end + 2;
            }
            else if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else cell.Append(text[i++]);
                }
            }
            else if (text[i] == ',') { row.Add(cell.ToString()); cell.Clear(); i++; }
            else if (text[i] == '\r' && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                if (row is not [""]) rows.Add([.. row]);
                row.Clear();
                i += 2;
            }
            else
            {
                Assert.NotEqual('\n', text[i]);
                cell.Append(text[i++]);
            }
        }
        Assert.Empty(row);
        return rows;
    }
}
