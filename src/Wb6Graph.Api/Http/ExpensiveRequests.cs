using Microsoft.Extensions.Options;

namespace Wb6Graph.Api.Http;

/// <summary>
/// Turns for expensive requests: at most Api:ExpensiveConcurrency run at once, so that a burst of them cannot take
/// every core from the cheap ones, which never wait here. Up to Api:ExpensiveQueue wait their turn, each at most
/// Api:ExpensiveWaitSeconds; a request that finds the queue full, or waits too long, is refused with 429 and Retry-After.
/// </summary>
internal sealed class ExpensiveRequests(IOptions<ApiOptions> options)
{
    private readonly SemaphoreSlim _turns = new(options.Value.ExpensiveConcurrency, options.Value.ExpensiveConcurrency);
    private int _waiting;

    /// <summary>How many are waiting for a turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>A turn, to dispose when the request is done; null when the request is refused.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (_turns.Wait(0)) return new Turn(_turns);
        if (Interlocked.Increment(ref _waiting) > options.Value.ExpensiveQueue)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }
        try
        {
            return await _turns.WaitAsync(TimeSpan.FromSeconds(options.Value.ExpensiveWaitSeconds), ct) ? new Turn(_turns) : null;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turns.Release();
        }
    }
}
