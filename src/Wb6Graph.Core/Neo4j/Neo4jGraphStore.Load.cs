using System.Text.Json;
using Wb6Graph.Model;
using Wb6Graph.Seeds;
using S = Wb6Graph.Neo4j.Neo4jStoreStatements;

namespace Wb6Graph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private static readonly JsonSerializerOptions CompareJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Loads seeds in batches of <c>UNWIND $rows ... MERGE</c> (<see cref="Neo4jWrites"/>), each batch one request and
    /// one transaction that also bumps the data version, so that it works on a cluster and every reader sees a new
    /// version with new data. A load cut short leaves the batches written so far; the next load (every start) goes on
    /// from there. A fact that a user wrote or changed (origin User) is never overwritten (the statements check it
    /// too); a seed fact stored as it is counts as unchanged and is not written; nothing is deleted, except a seed
    /// relation re-created under new ends or a new type.
    /// </summary>
    public async Task<LoadResult> LoadSeedsAsync(SeedGraph graph, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var errors = GraphValidator.Validate(graph, "seeds");
        if (errors.Count > 0) throw new GraphValidationException(errors);
        var batch = options.SeedBatchSize;
        await _writeLock.WaitAsync(ct);
        try
        {
            int sources = 0, entities = 0, relations = 0, unchanged = 0, kept = 0;
            var total = Math.Max(1, graph.Sources.Count + graph.Entities.Count + graph.Relations.Count + graph.Absences.Count);
            var done = 0;
            long? version = null;

            foreach (var chunk in graph.Sources.Select(s => s with { Origin = Origin.Seed }).Chunk(batch))
            {
                var stored = (await ReadAsync(S.SourcesByIds, Ids(chunk.Select(s => s.Id)), ct)).Rows
                    .Select(r => Neo4jMapping.ToSource(r[0])).ToDictionary(s => s.Id, StringComparer.Ordinal);
                var write = Decide(chunk, s => stored.GetValueOrDefault(s.Id), s => s.Origin, ref unchanged, ref kept);
                if (write.Count > 0) await RunAsync(Neo4jWrites.Sources(write));
                sources += write.Count;
                Report(done += chunk.Length);
            }

            foreach (var chunk in graph.Entities.Select(e => e with { Origin = Origin.Seed }).Chunk(batch))
            {
                var stored = (await ReadAsync(S.EntitiesByIds, Ids(chunk.Select(e => e.Id)), ct)).Rows
                    .Select(r => Neo4jMapping.ToEntity(r[0])).ToDictionary(e => e.Id, StringComparer.Ordinal);
                var write = Decide(chunk, e => stored.GetValueOrDefault(e.Id), e => e.Origin, ref unchanged, ref kept);
                foreach (var statement in Neo4jWrites.Entities(write)) await RunAsync(statement);
                entities += write.Count;
                Report(done += chunk.Length);
            }

            foreach (var chunk in graph.Relations.Select(r => r with { Origin = Origin.Seed }).Chunk(batch))
            {
                var stored = await RelationsByIdsAsync(chunk.Select(r => r.Id).ToList(), Neo4jAccess.Read, ct);
                var write = Decide(chunk, r => stored.GetValueOrDefault(r.Id), r => r.Origin, ref unchanged, ref kept);
                var moved = write.Select(r => stored.GetValueOrDefault(r.Id)).OfType<Relation>()
                    .Where(old => write.First(r => r.Id == old.Id) is var seed && (seed.Type != old.Type || seed.From != old.From || seed.To != old.To))
                    .ToList();
                foreach (var statement in Neo4jWrites.Relations(write, moved)) await RunAsync(statement);
                relations += write.Count;
                Report(done += chunk.Length);
            }

            foreach (var chunk in graph.Absences.Select(a => a with { Origin = Origin.Seed }).Chunk(batch))
            {
                var stored = (await ReadAsync(S.AbsencesByIds, Ids(chunk.Select(a => a.Id)), ct)).Rows
                    .Select(r => Neo4jMapping.ToAbsence(r[0])).ToDictionary(a => a.Id, StringComparer.Ordinal);
                var write = Decide(chunk, a => stored.GetValueOrDefault(a.Id), a => a.Origin, ref unchanged, ref kept);
                if (write.Count > 0) await RunAsync(Neo4jWrites.Absences(write));
                relations += write.Count;
                Report(done += chunk.Length);
            }

            version ??= await RefreshVersionAsync(ct);
            progress?.Report(1.0);
            return new LoadResult(sources, entities, relations, unchanged, kept, version.Value);

            void Report(int n) => progress?.Report(0.95 * n / total);

            async Task RunAsync(Neo4jStatement write)
            {
                var before = DataVersion;
                var result = await client.RunAsync(write.Cypher, write.Parameters, Neo4jAccess.Write, ct);
                version = await ObserveAsync(result.Rows[0][0].GetInt64(), before, ct);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The seed facts to write: new ones and changed seed facts; user facts are kept, identical ones left alone.</summary>
    private static List<T> Decide<T>(IEnumerable<T> seeds, Func<T, T?> stored, Func<T, Origin> origin, ref int unchanged, ref int kept)
        where T : class
    {
        var write = new List<T>();
        foreach (var seed in seeds)
        {
            var current = stored(seed);
            if (current is null) write.Add(seed);
            else if (origin(current) == Origin.User) kept++;
            else if (JsonSerializer.Serialize(current, CompareJson) == JsonSerializer.Serialize(seed, CompareJson)) unchanged++;
            else write.Add(seed);
        }
        return write;
    }

    private static Dictionary<string, object?> Ids(IEnumerable<string> ids) => new() { ["ids"] = ids.ToList() };
}
