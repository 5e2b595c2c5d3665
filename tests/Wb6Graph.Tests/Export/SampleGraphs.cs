using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Export;

/// <summary>Graphs that exercise every field and the strings that break naive writers.</summary>
internal static class SampleGraphs
{
    public const string Hostile = "O'Neil \"the\" \\ admin'}) DETACH DELETE n //\r\nnext, line\t#1 <&>";

    public static readonly DateOnly Founded = new(2023, 7, 14);
    public static readonly DateOnly Ended = new(2025, 1, 1);

    public static SeedGraph Rich() => new GraphBuilder()
        .Source("mfa-fr", title: "Communiqué, 2023", kind: SourceKind.Official, published: new DateOnly(2023, 7, 14), retrieved: new DateOnly(2024, 2, 1))
        .Source("balkan-insight", title: Hostile, kind: SourceKind.Press, publisher: null, url: null, document: "p. 3", origin: Origin.User)
        .Entity("fr", EntityKind.Country, name: "France", country: "fr")
        .Entity("wb3c", EntityKind.RegionalCentre, name: "Western Balkans Cyber Capacity Centre", country: "me",
            description: "Regional centre in Podgorica;\nopened 2023", validFrom: Founded,
            aliases: ["WB3C", "Centar, WB3C"],
            attributes: [new AttributeValue("city", AttributeType.String, "Podgorica"), new AttributeValue("staff", AttributeType.Integer, "12")])
        .Entity("hostile", EntityKind.Person, name: Hostile, description: Hostile, aliases: [Hostile],
            validFrom: new DateOnly(2020, 1, 1), validTo: Ended, sources: ["mfa-fr", "balkan-insight"], origin: Origin.User)
        .Entity("shqiperia", EntityKind.Country, name: "Shqipëria / Србија", country: "al")
        .Relation("fr", "FOUNDED", "wb3c", validFrom: Founded, confidence: Confidence.H, role: "co-founder",
            attributes: [new AttributeValue("amount", AttributeType.Number, "1.5")])
        .Relation("hostile", "LEADS", "wb3c", id: "hostile-leads", validFrom: new DateOnly(2021, 3, 1), validTo: Ended,
            role: Hostile, confidence: Confidence.L, sources: ["balkan-insight"])
        .Relation("shqiperia", "MEMBER_OF", "wb3c", id: "retracted-one", confidence: Confidence.M,
            retracted: new Retraction("Misread: " + Hostile, new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)), ["mfa-fr"]),
            origin: Origin.User)
        .Build();

    public static async Task<string> ExportAsync(string format, SeedGraph graph)
    {
        using var output = new MemoryStream();
        await Wb6Graph.Export.GraphExporters.Get(format).WriteAsync(Wb6Graph.Export.GraphData.From(graph), output, null, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
