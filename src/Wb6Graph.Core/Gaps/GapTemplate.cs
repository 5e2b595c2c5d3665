using Wb6Graph.Model;

namespace Wb6Graph.Gaps;

/// <summary>A set of links that a country is expected to have, read from graph-seeds/templates/.</summary>
public sealed record GapTemplate(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<string> Countries,
    IReadOnlyList<GapTemplateItem> Items);

/// <summary>One expected link: a chain of steps from the country, e.g. DESIGNATED_AS then MEMBER_OF first.</summary>
public sealed record GapTemplateItem(
    string Id,
    string Label,
    string? LegalBasis,
    bool EligibleBeforeAccession,
    IReadOnlyList<PatternStep> Pattern);

/// <summary>One hop of a pattern: relation types, the direction to follow them, and what the reached entity must be.</summary>
public sealed record PatternStep(
    IReadOnlyList<RelationType> Types,
    Direction Direction,
    IReadOnlyList<EntityKind> Kinds,
    string? To);
