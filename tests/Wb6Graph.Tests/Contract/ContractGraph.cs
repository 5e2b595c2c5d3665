using Wb6Graph.Gaps;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Contract;

/// <summary>
/// The small fixed graph of the contract tests; every expected answer in <see cref="StoreContractTests"/> is worked out
/// by hand from this picture:
/// <code>
///   ba ─PARTY_TO→ budapest ←PARTY_TO─ al ─APPLIES→ strat-old (2020..2024)
///   ba ─BENEFICIARY_OF→ wb3c (from 2023-05) ←BENEFICIARY_OF─ al
///   al ─DESIGNATED_AS→ aksk ─COMPETENT_AUTHORITY_OF→ al      (two relations, one step)
///   aksk ─MEMBER_OF→ first (M, from 2020)
///   kcss ─COOPERATES_WITH→ aksk (H)   aksk ─CO_ORGANIZED→ roundtable (H)
///   kcss ─PARTICIPATED_IN→ roundtable (L)   enisa ─PARTICIPATED_IN→ roundtable (M)
///   kcss ─FUNDS→ enisa (retracted: counts nowhere)
/// </code>
/// </summary>
internal static class ContractGraph
{
    public static readonly DateOnly Y2022 = new(2022, 1, 1);
    public static readonly DateOnly Y2025 = new(2025, 6, 1);

    public static SeedGraph Build() => new GraphBuilder()
        .Source("src-a")
        .Entity("al", EntityKind.Country, "Albania", aliases: ["Shqipëri"])
        .Entity("ba", EntityKind.Country, "Bosnia and Herzegovina")
        .Entity("aksk", EntityKind.NationalAuthority, "Autoriteti Kombëtar për Sigurinë Kibernetike", country: "al", aliases: ["AKSK"])
        .Entity("first", EntityKind.Network, "FIRST")
        .Entity("csirts-network", EntityKind.Network, "CSIRTs Network")
        .Entity("budapest", EntityKind.Convention, "Budapest Convention")
        .Entity("strat-old", EntityKind.Strategy, "Strategy 2020-2023", country: "al", validFrom: new(2020, 1, 1))
        .Entity("wb3c", EntityKind.RegionalCentre, "Western Balkans Cyber Capacity Centre", validFrom: new(2023, 5, 1))
        .Entity("kcss", EntityKind.NonProfit, "Kosovar Centre for Security Studies", aliases: ["QKSS"], description: "A think tank in Prishtinë.")
        .Entity("roundtable", EntityKind.Event, "Regional roundtable", attributes: [new AttributeValue("city", AttributeType.String, "Tirana")])
        .Entity("enisa", EntityKind.EuBody, "ENISA")
        .Relation("ba", "PARTY_TO", "budapest")
        .Relation("al", "PARTY_TO", "budapest")
        .Relation("al", "APPLIES", "strat-old", validFrom: new(2020, 1, 1), validTo: new(2024, 1, 1))
        .Relation("ba", "BENEFICIARY_OF", "wb3c", validFrom: new(2023, 5, 1))
        .Relation("al", "BENEFICIARY_OF", "wb3c", validFrom: new(2023, 5, 1))
        .Relation("al", "DESIGNATED_AS", "aksk", validFrom: new(2017, 1, 1))
        .Relation("aksk", "COMPETENT_AUTHORITY_OF", "al", validFrom: new(2017, 1, 1))
        .Relation("aksk", "MEMBER_OF", "first", validFrom: new(2020, 1, 1), confidence: Confidence.M)
        .Relation("kcss", "COOPERATES_WITH", "aksk")
        .Relation("aksk", "CO_ORGANIZED", "roundtable")
        .Relation("kcss", "PARTICIPATED_IN", "roundtable", confidence: Confidence.L)
        .Relation("enisa", "PARTICIPATED_IN", "roundtable", confidence: Confidence.M)
        .Relation("kcss", "FUNDS", "enisa", retracted: new Retraction("not in the source", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), ["src-a"]))
        .Build();

    /// <summary>
    /// Parallel relations and a hub, for paths:
    /// <code>
    ///   ngo-a ─FUNDS, COOPERATES_WITH, PARTNER_OF→ ngo-b ─COOPERATES_WITH→ ngo-a   (four relations, one step)
    ///   ngo-a ─COOPERATES_WITH→ fund-c ─FUNDS, PARTNER_OF→ ngo-b                   (two relations, one step)
    ///   ngo-a ─COOPERATES_WITH→ co-d ─COOPERATES_WITH→ co-e ─PARTNER_OF→ ngo-b
    ///   all of them and eight more companies ─MEMBER_OF→ hub                       (the hub is a sink going forward)
    /// </code>
    /// Going forward there are exactly three simple paths from ngo-a to ngo-b; either way, through the hub, many.
    /// </summary>
    public static SeedGraph Parallel()
    {
        var b = new GraphBuilder().Source("src-a")
            .Entity("ngo-a", EntityKind.NonProfit, "NGO A")
            .Entity("ngo-b", EntityKind.NonProfit, "NGO B")
            .Entity("fund-c", EntityKind.Foundation, "Foundation C")
            .Entity("co-d", EntityKind.Company, "Company D")
            .Entity("co-e", EntityKind.Company, "Company E")
            .Entity("hub", EntityKind.Network, "Hub network")
            .Relation("ngo-a", "FUNDS", "ngo-b")
            .Relation("ngo-a", "COOPERATES_WITH", "ngo-b")
            .Relation("ngo-a", "PARTNER_OF", "ngo-b")
            .Relation("ngo-b", "COOPERATES_WITH", "ngo-a")
            .Relation("ngo-a", "COOPERATES_WITH", "fund-c")
            .Relation("fund-c", "FUNDS", "ngo-b")
            .Relation("fund-c", "PARTNER_OF", "ngo-b")
            .Relation("ngo-a", "COOPERATES_WITH", "co-d")
            .Relation("co-d", "COOPERATES_WITH", "co-e")
            .Relation("co-e", "PARTNER_OF", "ngo-b");
        foreach (var member in new[] { "ngo-a", "ngo-b", "fund-c", "co-d", "co-e" }) b.Relation(member, "MEMBER_OF", "hub");
        for (var i = 1; i <= 8; i++) b.Entity($"co-{i}", EntityKind.Company, $"Company {i}").Relation($"co-{i}", "MEMBER_OF", "hub");
        return b.Build();
    }

    public static GapTemplate Template() => new("contract", "Contract template", null, ["al", "ba"],
    [
        Item("competent-authority", true, Step([RelationType.COMPETENT_AUTHORITY_OF], Direction.In, [], null)),
        Item("strategy", true, Step([RelationType.APPLIES], Direction.Out, [EntityKind.Strategy], null)),
        Item("csirt-first", true, Step([RelationType.DESIGNATED_AS], Direction.Out, [], null), Step([RelationType.MEMBER_OF], Direction.Out, [], "first")),
        Item("csirts-network", false, Step([RelationType.DESIGNATED_AS], Direction.Out, [], null), Step([RelationType.MEMBER_OF], Direction.Out, [], "csirts-network")),
    ]);

    private static PatternStep Step(RelationType[] types, Direction direction, EntityKind[] kinds, string? to) => new(types, direction, kinds, to);

    private static GapTemplateItem Item(string id, bool eligible, params PatternStep[] steps) => new(id, id, null, eligible, steps);
}
