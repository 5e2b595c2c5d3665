using System.Text;

namespace Wb6Graph.Tests.Api;

/// <summary>
/// A page of 50 gap reports with their countries' names costs one store call for the names: the reports' countries
/// are loaded together, not one by one.
/// </summary>
public sealed class GapPageBatchingTests : IDisposable
{
    private const int Countries = 50;
    private readonly string _seeds = Directory.CreateTempSubdirectory("wb6-gap-page-").FullName;

    public GapPageBatchingTests()
    {
        var ids = Enumerable.Range(0, Countries).Select(i => $"c{i:00}").ToList();
        var seeds = new StringBuilder("""
            sources:
              - id: page
                title: A page
                kind: official
                language: en
                url: https://example.org/page
                retrieved: 2026-12-04
            entities:

            """);
        foreach (var id in ids)
            seeds.Append($"""
                  - id: {id}
                    kind: Country
                    name: Country {id}
                    sources: [{"{"}source: page, locator: "list", note: "One of the fifty."{"}"}]

                """);
        seeds.Append("relations: []\n");
        File.WriteAllText(Path.Combine(_seeds, "countries.yaml"), seeds.ToString());
        Directory.CreateDirectory(Path.Combine(_seeds, "templates"));
        File.WriteAllText(Path.Combine(_seeds, "templates", "fifty.yaml"), $"""
            id: fifty
            name: Fifty countries
            countries: [{string.Join(", ", ids)}]
            items:
              - id: strategy
                label: A strategy in force
                eligibleBeforeAccession: true
                pattern:
                  - {"{"}type: APPLIES, kind: Strategy{"}"}
            """);
    }

    public void Dispose() => Directory.Delete(_seeds, recursive: true);

    [Fact]
    public async Task Fifty_gap_reports_name_their_countries_with_one_store_call()
    {
        using var api = new ApiFactory();
        api.Settings["GraphStore:SeedsDirectory"] = _seeds;
        await api.PostAsync("{ stats { entities } }"); // start the host
        api.Counting!.Reset();

        var r = await api.PostAsync("""{ gaps(template: "fifty") { countryId country { name } score items { status } } }""");

        Assert.True(r.Status == 200, r.Body?.ToJsonString());
        Assert.Null(r.Body!["errors"]);
        var reports = r.Body["data"]!["gaps"]!.AsArray();
        Assert.Equal(Countries, reports.Count);
        Assert.All(reports, x => Assert.Equal($"Country {x!["countryId"]!.GetValue<string>()}", x["country"]!["name"]!.GetValue<string>()));
        Assert.All(reports, x => Assert.Equal("UNKNOWN", x!["items"]![0]!["status"]!.GetValue<string>()));
        Assert.Equal(1, api.Counting.Calls);
    }
}
