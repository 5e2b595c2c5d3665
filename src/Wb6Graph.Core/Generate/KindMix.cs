using Bogus;
using Wb6Graph.Model;

namespace Wb6Graph.Generate;

/// <summary>How often each kind occurs in the synthetic graph, and a believable name for each.</summary>
internal static class KindMix
{
    // Roughly the seeds' proportions, scaled up: many people, events and organisations, few treaties and centres.
    private static readonly (EntityKind Kind, float Weight)[] _mix =
    [
        (EntityKind.Person, 0.18f), (EntityKind.Event, 0.15f), (EntityKind.Company, 0.10f), (EntityKind.NonProfit, 0.10f),
        (EntityKind.Project, 0.10f), (EntityKind.NationalAuthority, 0.08f), (EntityKind.Ministry, 0.05f),
        (EntityKind.Csirt, 0.05f), (EntityKind.InternationalOrganization, 0.04f), (EntityKind.EuBody, 0.03f),
        (EntityKind.Legislation, 0.03f), (EntityKind.Strategy, 0.02f), (EntityKind.Tool, 0.02f), (EntityKind.Network, 0.02f),
        (EntityKind.Foundation, 0.01f), (EntityKind.RegionalCentre, 0.01f), (EntityKind.Convention, 0.005f),
        (EntityKind.Country, 0.005f),
    ];

    public static EntityKind[] Kinds { get; } = [.. _mix.Select(m => m.Kind)];

    public static float[] Weights { get; } = Normalised();

    public static string Name(Faker f, EntityKind kind) => kind switch
    {
        EntityKind.Person => f.Name.FullName(),
        EntityKind.Company => f.Company.CompanyName(),
        EntityKind.Event => $"{f.Address.City()} {f.PickRandom("Cyber Summit", "Roundtable", "Training", "Cyber Drill", "Conference")} {f.Random.Int(2005, 2026)}",
        EntityKind.Project => $"{f.Hacker.Adjective()} {f.Hacker.Noun()} project".ToUpperFirst(),
        EntityKind.NonProfit => $"{f.Address.City()} Centre for {f.PickRandom("Security Studies", "Digital Rights", "Cyber Policy")}",
        EntityKind.NationalAuthority => $"{f.Address.Country()} {f.PickRandom("Cybersecurity Agency", "Regulatory Authority", "Data Protection Agency")}",
        EntityKind.Ministry => $"Ministry of {f.PickRandom("Interior", "Defence", "Digital Affairs", "Foreign Affairs", "Justice")} of {f.Address.Country()}",
        EntityKind.Csirt => $"{f.Random.String2(3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")}-CIRT",
        EntityKind.Legislation => $"Law {f.Random.Int(1, 120)}/{f.Random.Int(2005, 2026)} on {f.Hacker.Noun()} security",
        EntityKind.Strategy => $"{f.Address.Country()} Cybersecurity Strategy {f.Random.Int(2015, 2026)}",
        EntityKind.Tool => $"{f.Hacker.Abbreviation()} {f.Hacker.Noun()} tool",
        EntityKind.Network => $"{f.Company.CompanyName()} Network",
        EntityKind.Foundation => $"{f.Name.LastName()} Foundation",
        EntityKind.Country => f.Address.Country(),
        _ => f.Company.CompanyName(),
    };

    private static string ToUpperFirst(this string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static float[] Normalised()
    {
        var total = _mix.Sum(m => m.Weight);
        return [.. _mix.Select(m => m.Weight / total)];
    }
}
