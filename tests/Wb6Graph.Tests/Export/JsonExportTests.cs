using System.Text;
using System.Text.Json;
using Wb6Graph.Export;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Export;

public sealed class JsonExportTests
{
    [Fact]
    public async Task Export_then_import_gives_back_equal_records()
    {
        var graph = SampleGraphs.Rich();
        var json = await SampleGraphs.ExportAsync("json", graph);

        var read = await JsonGraphReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        GraphAssert.Equal(graph, read);
    }

    [Fact]
    public async Task Fields_are_camel_case_with_enum_names_and_plain_dates()
    {
        using var doc = JsonDocument.Parse(await SampleGraphs.ExportAsync("json", SampleGraphs.Rich()));
        var root = doc.RootElement;
        Assert.Equal(["entities", "relations", "absences", "sources"], root.EnumerateObject().Select(p => p.Name));

        var wb3c = root.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "wb3c");
        Assert.Equal("RegionalCentre", wb3c.GetProperty("kind").GetString());
        Assert.Equal("2023-07-14", wb3c.GetProperty("validFrom").GetString());
        Assert.Equal(JsonValueKind.Null, wb3c.GetProperty("validTo").ValueKind);
        var staff = wb3c.GetProperty("attributes")[1];
        Assert.Equal("staff", staff.GetProperty("key").GetString());
        Assert.Equal("Integer", staff.GetProperty("type").GetString());
        Assert.Equal("12", staff.GetProperty("value").GetString());

        var relations = root.GetProperty("relations").EnumerateArray().ToList();
        var founded = relations.Single(r => r.GetProperty("type").GetString() == "FOUNDED");
        Assert.Equal("H", founded.GetProperty("confidence").GetString());
        // An act carries the day it occurred; dates keep their precision; a citation with a locator is an object.
        Assert.Equal(("2023-07-14", JsonValueKind.Null), (founded.GetProperty("occurredOn").GetString(), founded.GetProperty("validFrom").ValueKind));
        var leads = relations.Single(r => r.GetProperty("id").GetString() == "hostile-leads");
        Assert.Equal("2021", leads.GetProperty("validFrom").GetString());
        Assert.Equal("balkan-insight", leads.GetProperty("sources")[0].GetProperty("source").GetString());
        Assert.Equal("mfa-fr", founded.GetProperty("sources")[0].GetString());
        Assert.Equal("PARTIAL", relations.Single(r => r.GetProperty("id").GetString() == "law-aligns").GetProperty("alignment").GetString());
        Assert.Equal("2024-06-14", relations.Single(r => r.GetProperty("id").GetString() == "fr-member-of-wb3c").GetProperty("attestedOn").GetString());
        var absence = Assert.Single(root.GetProperty("absences").EnumerateArray().ToList());
        Assert.Equal(("shqiperia", "DESIGNATED_AS", "Csirt", "2022"), (absence.GetProperty("from").GetString(), absence.GetProperty("type").GetString(),
            absence.GetProperty("kind").GetString(), absence.GetProperty("validFrom").GetString()));
        Assert.Equal("fr", founded.GetProperty("from").GetString());
        Assert.False(founded.TryGetProperty("retracted", out _));
        var retracted = relations.Single(r => r.GetProperty("id").GetString() == "retracted-one").GetProperty("retracted");
        Assert.StartsWith("Misread", retracted.GetProperty("reason").GetString());
        Assert.Equal("2025-05-06T07:08:09.0000000+02:00", retracted.GetProperty("at").GetString());

        var kinds = root.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("kind").GetString());
        Assert.Equal(["official", "press"], kinds);
    }

    [Fact]
    public async Task Empty_graph_is_four_empty_arrays()
    {
        var json = await SampleGraphs.ExportAsync("json", SeedGraph.Empty);

        Assert.Equal("""{"entities":[],"relations":[],"absences":[],"sources":[]}""", json);
    }

    [Fact]
    public async Task Import_names_the_record_and_field_of_a_bad_value()
    {
        var json = """{"entities":[{"id":"x","kind":"Planet","name":"X"}],"relations":[],"sources":[]}""";

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => JsonGraphReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("entities[0].kind", error.Message);
        Assert.Contains("Planet", error.Message);
    }

    [Fact]
    public async Task Import_rejects_what_is_not_json()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => JsonGraphReader.ReadAsync(new MemoryStream("not json"u8.ToArray())));
    }
}
