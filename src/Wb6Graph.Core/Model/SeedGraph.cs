namespace Wb6Graph.Model;

/// <summary>A whole graph as plain lists: what the seed loader produces, what exports write and imports read.</summary>
public sealed record SeedGraph(IReadOnlyList<Source> Sources, IReadOnlyList<Entity> Entities, IReadOnlyList<Relation> Relations)
{
    public static SeedGraph Empty { get; } = new([], [], []);

    /// <summary>The documented absences ("no value" statements).</summary>
    public IReadOnlyList<Absence> Absences { get; init; } = [];
}
