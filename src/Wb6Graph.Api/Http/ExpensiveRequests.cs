using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace Wb6Graph.Api.Http;

/// <summary>
/// Turns for expensive requests: at most Api:ExpensiveConcurrency run at once, so that a burst of them cannot take
/// every core from the cheap ones, which never wait here. Up to Api:ExpensiveQueue wait their turn, each at most
/// Api:ExpensiveWaitSeconds; a request that finds the queue full, or waits too long, is refused with 429 and Retry-After.
/// A turn runs on a thread of its own at a lower scheduling priority (nice 10 on Linux): an engine question holds its
/// thread for seconds on a large graph, and on the thread pool it took a thread, and with it a core, from cheap
/// requests, whose p99 then rose 8-fold on two cores; at a lower priority the kernel lets a cheap request in at once.
/// </summary>
internal sealed class ExpensiveRequests : IDisposable
{
    private readonly IOptions<ApiOptions> _options;
    private readonly SemaphoreSlim _turns;
    private readonly TurnScheduler _scheduler;
    private int _waiting;

    public ExpensiveRequests(IOptions<ApiOptions> options)
    {
        _options = options;
        var turns = options.Value.ExpensiveConcurrency;
        _turns = new(turns, turns);
        _scheduler = new TurnScheduler(turns);
    }

    /// <summary>How many are waiting for a turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>A turn, to dispose when the request is done; null when the request is refused.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (_turns.Wait(0)) return new Turn(_turns);
        if (Interlocked.Increment(ref _waiting) > _options.Value.ExpensiveQueue)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }
        try
        {
            return await _turns.WaitAsync(TimeSpan.FromSeconds(_options.Value.ExpensiveWaitSeconds), ct) ? new Turn(_turns) : null;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Runs work of a request that holds a turn on the turns' own low-priority threads (until its first real wait).</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler).Unwrap();

    public void Dispose() => _scheduler.Dispose();

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turns.Release();
        }
    }

    /// <summary>A few dedicated background threads, each lowered to nice 10 where the platform allows it.</summary>
    private sealed class TurnScheduler : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> _tasks = [];

        public TurnScheduler(int threads)
        {
            for (var i = 0; i < threads; i++)
                new Thread(Work) { IsBackground = true, Name = $"wb6graph-expensive-{i}" }.Start();
        }

        public override int MaximumConcurrencyLevel => int.MaxValue;

        private void Work()
        {
            if (OperatingSystem.IsLinux())
            {
                try
                {
                    _ = setpriority(0 /* PRIO_PROCESS: one thread, by its id */, gettid(), 10);
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
                {
                    // No libc to ask: the turns still bound how many run at once.
                }
            }
            foreach (var task in _tasks.GetConsumingEnumerable()) TryExecuteTask(task);
        }

        protected override void QueueTask(Task task) => _tasks.Add(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

        public void Dispose() => _tasks.CompleteAdding();

        [DllImport("libc", SetLastError = true)]
        private static extern int setpriority(int which, int who, int priority);

        [DllImport("libc")]
        private static extern int gettid();
    }
}
