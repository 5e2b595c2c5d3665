using Wb6Graph.Embedded;
using Wb6Graph.Engine;
using Wb6Graph.Model;

namespace Wb6Graph.Tests.Contract;

/// <summary>The contract on the embedded store (SQLite in memory) and the in-process engine: always runs.</summary>
public sealed class EmbeddedContractTests : StoreContractTests
{
    protected override async Task<(IGraphStore Store, IGraphQuestions Questions, IAsyncDisposable Owner)> OpenAsync(SeedGraph graph)
    {
        var store = EmbeddedGraphStore.Open(new EmbeddedStoreOptions { InMemory = true });
        await store.LoadSeedsAsync(graph);
        return (store, new EmbeddedGraphQuestions(new GraphEngine(store, new EngineLimits())), new Owner(store));
    }

    private sealed class Owner(EmbeddedGraphStore store) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            store.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
