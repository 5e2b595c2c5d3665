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
