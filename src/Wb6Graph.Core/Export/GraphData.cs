using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>
/// A whole graph as three streams, so that exporters never hold more than one record at a time.
/// Exporters enumerate each stream once.
/// </summary>
public sealed record GraphData(IAsyncEnumerable<Source> Sources, IAsyncEnumerable<Entity> Entities, IAsyncEnumerable<Relation> Relations)
{
    /// <summary>The documented absences, enumerated after the relations by the formats that carry them.</summary>
    public IAsyncEnumerable<Absence> Absences { get; init; } = AsyncEnumerable.Empty<Absence>();

    /// <summary>Everything the store holds, retracted relations included.</summary>
    public static GraphData From(IGraphStore store, CancellationToken ct = default) =>
        new(store.ReadSourcesAsync(ct), store.ReadEntitiesAsync(ct), store.ReadRelationsAsync(ct)) { Absences = store.ReadAbsencesAsync(ct) };

    public static GraphData From(SeedGraph graph) =>
        new(graph.Sources.ToAsyncEnumerable(), graph.Entities.ToAsyncEnumerable(), graph.Relations.ToAsyncEnumerable())
        {
            Absences = graph.Absences.ToAsyncEnumerable(),
        };
}
