using Wb6Graph.Model;

namespace Wb6Graph.Gaps;

/// <summary>A set of links that a country is expected to have, read from graph-seeds/templates/.</summary>
public sealed record GapTemplate(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<string> Countries,
    IReadOnlyList<GapTemplateItem> Items)
{
    /// <summary>
    /// A known Country outside the template's countries is refused: its statuses would be read against expectations
    /// of a candidate country (France's CSIRTs Network membership is no "not eligible before accession").
    /// </summary>
    public void CheckCovers(string country, string field, List<ValidationError> errors)
    {
        if (!Countries.Contains(country))
            errors.Add(new(field, country, $"template '{Id}' is about {string.Join(", ", Countries)}; ask one of those, or omit country for all"));
    }
}

/// <summary>
/// One expected link: a chain of steps from the country, e.g. DESIGNATED_AS then MEMBER_OF first. <see cref="Partial"/>
/// lists chains that make the item PARTIAL when no full chain holds (a law adopted but not yet applicable);
/// <see cref="CountsInScore"/> is false for items that measure support received rather than alignment.
/// </summary>
public sealed record GapTemplateItem(
    string Id,
    string Label,
    string? LegalBasis,
    bool EligibleBeforeAccession,
    IReadOnlyList<PatternStep> Pattern)
{
    public IReadOnlyList<IReadOnlyList<PatternStep>> Partial { get; init; } = [];

    public bool CountsInScore { get; init; } = true;

    /// <summary>What a chain of the partial patterns means, for the report ("adopted, not yet applicable").</summary>
    public string? PartialLabel { get; init; }
}

/// <summary>
/// One hop of a pattern: relation types, the direction to follow them, what the reached entity must be, and (when set)
/// the role the relation must have ("national CSIRT", not "government CSIRT").
/// </summary>
public sealed record PatternStep(
    IReadOnlyList<RelationType> Types,
    Direction Direction,
    IReadOnlyList<EntityKind> Kinds,
    string? To)
{
    public string? Role { get; init; }

    /// <summary>Whether a relation followed by this step, reaching <paramref name="to"/>, is one the step accepts.</summary>
    public bool Accepts(Relation r, Entity to) =>
        (Kinds.Count == 0 || Kinds.Contains(to.Kind)) && (To is null || to.Id == To)
        && (Role is null || string.Equals(r.Role, Role, StringComparison.OrdinalIgnoreCase));
}
