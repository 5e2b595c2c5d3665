using Wb6Graph.Embedded;
using Wb6Graph.Engine;
using Wb6Graph.Model;

namespace Wb6Graph.Tests.Engine;

/// <summary>An in-memory store loaded with a graph, and an engine over it.</summary>
internal sealed class EngineFixture : IDisposable
{
    private EngineFixture(EmbeddedGraphStore store, EngineLimits limits)
    {
        Store = store;
        Engine = new GraphEngine(store, limits);
    }

    public EmbeddedGraphStore Store { get; }

    public GraphEngine Engine { get; }

    public static EngineFixture Of(SeedGraph graph, EngineLimits? limits = null)
    {
        var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        store.LoadSeedsAsync(graph).GetAwaiter().GetResult();
        return new EngineFixture(store, limits ?? new EngineLimits());
    }

    public void Dispose() => Store.Dispose();
}
