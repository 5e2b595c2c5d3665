namespace Wb6Graph.Neo4j;

/// <summary>
/// An explicit transaction under <c>/query/v2/tx/{id}</c>. Every request echoes the <c>neo4j-cluster-affinity</c>
/// header the server gave when it opened, so a cluster keeps it on one member. Disposed without a commit, it rolls back.
/// </summary>
public sealed class Neo4jTransaction : IAsyncDisposable
{
    private readonly Neo4jQueryClient _client;
    private readonly string _url;
    private readonly string? _affinity;
    private bool _finished;

    internal Neo4jTransaction(Neo4jQueryClient client, string url, string? affinity)
    {
        _client = client;
        _url = url;
        _affinity = affinity;
    }

    public Task<Neo4jResult> RunAsync(string cypher, IReadOnlyDictionary<string, object?>? parameters, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        return _client.RunInTransactionAsync(_url, _affinity, cypher, parameters, ct);
    }

    public async Task<Neo4jResult> CommitAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        return await _client.CommitAsync(_url, _affinity, ct);
    }

    public async Task RollbackAsync(CancellationToken ct = default)
    {
        if (_finished) return;
        _finished = true;
        await _client.RollbackAsync(_url, _affinity, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        try
        {
            await RollbackAsync();
        }
        catch (Neo4jException)
        {
            // The server drops an idle or failed transaction by itself; a failed rollback loses nothing.
        }
    }
}
