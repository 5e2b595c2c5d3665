namespace Wb6Graph.Export;

/// <summary>Writes a graph in one file format, streaming: memory does not grow with the graph.</summary>
public interface IGraphExporter
{
    /// <summary>The name users type: json, csv, graphml, gexf, cypher.</summary>
    string Format { get; }

    /// <summary>Writes the graph; <paramref name="progress"/> receives the number of records written so far.</summary>
    Task WriteAsync(GraphData data, Stream output, IProgress<long>? progress, CancellationToken ct);
}

/// <summary>The exporters by format name.</summary>
public static class GraphExporters
{
    private static readonly IGraphExporter[] _all =
    [
        new JsonGraphExporter(),
        new CsvGraphExporter(),
        new GraphMlExporter(),
        new GexfExporter(),
        new CypherExporter(),
    ];

    public static IReadOnlyList<string> Formats { get; } = [.. _all.Select(e => e.Format)];

    /// <exception cref="ArgumentException">The format is not one of <see cref="Formats"/>.</exception>
    public static IGraphExporter Get(string format) =>
        TryGet(format, out var exporter)
            ? exporter
            : throw new ArgumentException($"Unknown export format '{format}'; expected one of {string.Join(", ", Formats)}.", nameof(format));

    public static bool TryGet(string? format, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IGraphExporter? exporter)
    {
        exporter = _all.FirstOrDefault(e => string.Equals(e.Format, format, StringComparison.OrdinalIgnoreCase));
        return exporter is not null;
    }
}
