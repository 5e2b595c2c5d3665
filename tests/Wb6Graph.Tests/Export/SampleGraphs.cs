using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Export;

/// <summary>Graphs that exercise every field and the strings that break naive writers.</summary>
internal static class SampleGraphs
{
    public const string Hostile = "O'Neil \"the\" \\ admin'}) DETACH DELETE n //\r\nnext, line\t#1 <&>";

    public static readonly DateOnly Founded = new(2023, 7, 14);
    public static readonly DateOnly Ended = new(2025, 1, 1);

    /// <summary>Every field: an act and states, dates at each precision, an attested start, an alignment, citations with locators, an absence.</summary>
    public static SeedGraph Rich()
    {
        var graph = Builder().Build();
        return graph with
        {
            Relations =
            [
                .. graph.Relations.Select(r => r.Id == "hostile-leads"
                    ? r with { Sources = [new Citation("balkan-insight", "p. 3, " + Hostile, "Names the director; " + Hostile)] }
                    : r),
                new Relation("law-aligns", RelationType.ALIGNS_WITH, "law", "nis2", new PartialDate(2024, 3), null, null, Confidence.M, [], ["mfa-fr"])
                {
                    Alignment = Alignment.Partial,
                },
                new Relation("fr-member-of-wb3c", RelationType.MEMBER_OF, "fr", "wb3c", null, null, null, Confidence.H, [], ["mfa-fr"])
                {
                    AttestedOn = new PartialDate(2024, 6, 14),
                },
            ],
            Absences =
            [
                new Absence("no-shqiperia-csirt", "shqiperia", RelationType.DESIGNATED_AS, null, EntityKind.Csirt, new PartialDate(2022), null, Confidence.M,
                    [new Citation("mfa-fr", "para 4", "No national CSIRT; " + Hostile)], Hostile) { Role = "national CSIRT" },
            ],
        };
    }

    private static GraphBuilder Builder() => new GraphBuilder()
        .Source("mfa-fr", title: "Communiqué, 2023", kind: SourceKind.Official, published: new PartialDate(2023, 7), retrieved: new DateOnly(2024, 2, 1), language: "fr")
        .Source("balkan-insight", title: Hostile, kind: SourceKind.Press, publisher: null, url: null, document: "p. 3", origin: Origin.User)
        .Entity("fr", EntityKind.Country, name: "France", country: "fr")
        .Entity("wb3c", EntityKind.RegionalCentre, name: "Western Balkans Cyber Capacity Centre", country: "me",
            description: "Regional centre in Podgorica;\nopened 2023", validFrom: Founded,
            aliases: ["WB3C", "Centar, WB3C"],
            attributes: [new AttributeValue("city", AttributeType.String, "Podgorica"), new AttributeValue("staff", AttributeType.Integer, "12")])
        .Entity("hostile", EntityKind.Person, name: Hostile, description: Hostile, aliases: [Hostile],
            validFrom: new DateOnly(2020, 1, 1), validTo: Ended, sources: ["mfa-fr", "balkan-insight"], origin: Origin.User)
        .Entity("shqiperia", EntityKind.Country, name: "Shqipëria / Србија", country: "al")
        .Entity("law", EntityKind.Legislation, name: "Law 1/2024")
        .Entity("nis2", EntityKind.Legislation, name: "NIS2")
        .Relation("fr", "FOUNDED", "wb3c", validFrom: Founded, confidence: Confidence.H, role: "co-founder",
            attributes: [new AttributeValue("amount", AttributeType.Number, "1.5")])
        .Relation("hostile", "LEADS", "wb3c", id: "hostile-leads", validFrom: new PartialDate(2021), validTo: Ended,
            role: Hostile, confidence: Confidence.L, sources: ["balkan-insight"])
        .Relation("shqiperia", "MEMBER_OF", "wb3c", id: "retracted-one", confidence: Confidence.M,
            retracted: new Retraction("Misread: " + Hostile, new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)), ["mfa-fr"]),
            origin: Origin.User);

    public static async Task<string> ExportAsync(string format, SeedGraph graph)
    {
        using var output = new MemoryStream();
        await Wb6Graph.Export.GraphExporters.Get(format).WriteAsync(Wb6Graph.Export.GraphData.From(graph), output, null, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
