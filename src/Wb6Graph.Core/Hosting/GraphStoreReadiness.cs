namespace Wb6Graph.Hosting;

/// <summary>Whether the store can answer yet, and if not, why; /health/ready reports it.</summary>
public sealed class GraphStoreReadiness
{
    private volatile string? _reason = "the graph store is starting";

    public bool IsReady => _reason is null;

    public string? Reason => _reason;

    public void Ready() => _reason = null;

    public void NotReady(string reason) => _reason = reason;
}
