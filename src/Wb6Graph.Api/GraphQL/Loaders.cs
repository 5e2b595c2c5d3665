using GraphQL.DataLoader;
using Wb6Graph.Model;

namespace Wb6Graph.Api.GraphQL;

/// <summary>
/// Collects the keys that one level of a query asks for and fetches them in one store call when the execution
/// strategy first awaits a result: a page of 100 entities with their relations costs one round trip per level.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private Task? _running;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key)) _pending.Add(key);
        }
        return new Result(this, key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken ct)
    {
        while (true)
        {
            Task batch;
            lock (_gate)
            {
                if (_loaded.TryGetValue(key, out var value)) return value;
                if (_running is { IsCompleted: false } running) batch = running;
                else if (_pending.Count > 0) batch = _running = Dispatch(ct);
                else return default;
            }
            await batch;
        }
    }

    /// <summary>Fetches every pending key at once; keys the store does not know are remembered as missing.</summary>
    private async Task Dispatch(CancellationToken ct)
    {
        TKey[] keys;
        lock (_gate)
        {
            keys = [.. _pending];
            _pending.Clear();
        }
        var values = await fetch(keys, ct);
        lock (_gate)
            foreach (var key in keys)
                _loaded[key] = values.TryGetValue(key, out var v) ? v : default!;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>The loaders of one request (a scoped service): entities, their absences, sources, and relations of entities by filter.</summary>
internal sealed class RequestLoaders(IGraphStore store)
{
    private readonly Dictionary<(Direction, RelationFilterKey), BatchLoader<string, IReadOnlyList<Relation>>> _relations = [];

    public BatchLoader<string, Entity> Entities { get; } = new((ids, ct) => store.GetEntitiesAsync(ids, ct));

    /// <summary>Each entity's documented absences, as subject or object.</summary>
    public BatchLoader<string, IReadOnlyList<Absence>> Absences { get; } = new(async (ids, ct) =>
    {
        var found = await store.GetAbsencesAsync(ids, ct);
        return (IReadOnlyDictionary<string, IReadOnlyList<Absence>>)ids.ToDictionary(id => id,
            id => (IReadOnlyList<Absence>)[.. found.Where(a => a.From == id || a.To == id)]);
    });

    public BatchLoader<string, Source> Sources { get; } = new(async (ids, ct) =>
        (IReadOnlyDictionary<string, Source>)(await store.GetSourcesAsync(ids, ct)).ToDictionary(s => s.Id));

    /// <summary>One loader per (direction, filter): entities asking the same question share a batch.</summary>
    public BatchLoader<string, IReadOnlyList<Relation>> RelationsOf(Direction direction, RelationFilter filter)
    {
        var key = (direction, RelationFilterKey.Of(filter));
        lock (_relations)
        {
            if (!_relations.TryGetValue(key, out var loader))
                _relations[key] = loader = new((ids, ct) => store.GetRelationsOfAsync(ids, direction, filter, ct));
            return loader;
        }
    }

    /// <summary>A filter as a value: the set of types becomes a sorted string.</summary>
    internal readonly record struct RelationFilterKey(string Types, DateOnly? AsOf, bool IncludeRetracted)
    {
        public static RelationFilterKey Of(RelationFilter f) =>
            new(f.Types is null ? "" : string.Join(',', f.Types.Order()), f.AsOf, f.IncludeRetracted);
    }
}
