using System.Text;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Export;

/// <summary>
/// A Cypher script for cypher-shell or Neo4j Browser that writes exactly what the Neo4j store writes: its constraints
/// and indexes, the model version, then the store's own seed batches (<see cref="Neo4jWrites"/>, as many facts per
/// statement as Neo4j:SeedBatchSize by default), each with its parameters written in as literals. The API on a
/// database loaded from it answers as the store that was exported. Statements are idempotent MERGEs and end with ';'.
/// </summary>
public sealed class CypherExporter : IGraphExporter
{
    public string Format => "cypher";

    /// <summary>Facts per statement: the store's default seed batch.</summary>
    public int BatchSize { get; init; } = new Neo4jOptions().SeedBatchSize;

    public async Task WriteAsync(GraphData data, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        var counter = new ProgressCounter(progress);
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        foreach (var (_, cypher) in S.Schema()) await WriteAsync(w, cypher);
        await WriteAsync(w, CypherLiterals.Inline(S.SetModel, new Dictionary<string, object?> { ["model"] = S.Model }));

        // The store's order: sources, entities, relations, absences.
        await foreach (var chunk in ChunksAsync(data.Sources, ct))
            await WriteAsync(w, counter, chunk.Count, [Neo4jWrites.Sources(chunk)]);
        await foreach (var chunk in ChunksAsync(data.Entities, ct))
            await WriteAsync(w, counter, chunk.Count, Neo4jWrites.Entities(chunk));
        await foreach (var chunk in ChunksAsync(data.Relations, ct))
            await WriteAsync(w, counter, chunk.Count, Neo4jWrites.Relations(chunk, []));
        await foreach (var chunk in ChunksAsync(data.Absences, ct))
            await WriteAsync(w, counter, chunk.Count, [Neo4jWrites.Absences(chunk)]);

        await w.FlushAsync(ct);
        counter.Complete();
    }

    /// <summary>A Cypher string literal, as the script writes every string value.</summary>
    public static string Literal(string? value) => CypherLiterals.Literal(value);

    private static async Task WriteAsync(StreamWriter w, ProgressCounter counter, int facts, IEnumerable<Neo4jStatement> statements)
    {
        foreach (var statement in statements) await WriteAsync(w, statement.ToScript());
        for (var i = 0; i < facts; i++) counter.Increment();
    }

    private static async Task WriteAsync(StreamWriter w, string statement)
    {
        await w.WriteAsync(statement);
        await w.WriteAsync(";\n\n");
    }

    private async IAsyncEnumerable<List<T>> ChunksAsync<T>(IAsyncEnumerable<T> items, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var chunk = new List<T>(BatchSize);
        await foreach (var item in items.WithCancellation(ct))
        {
            chunk.Add(item);
            if (chunk.Count < BatchSize) continue;
            yield return chunk;
            chunk = new List<T>(BatchSize);
        }
        if (chunk.Count > 0) yield return chunk;
    }
}
