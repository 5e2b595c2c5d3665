using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Tests.Api;

/// <summary>Api:TimeoutSeconds stops a request's work, a client that leaves stops it too, and expensive requests take turns.</summary>
public sealed class RequestTimeTests
{
    /// <summary>The built graph behind a store whose entity searches wait (honouring cancellation).</summary>
    private sealed class SlowApi : GraphApi
    {
        public CountingStore? Store { get; private set; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IGraphStore>(sp =>
                Store = new CountingStore(sp.GetRequiredService<EmbeddedGraphStore>()) { SearchDelay = TimeSpan.FromSeconds(60) }));
        }
    }

    private const string SlowSearch = "{ entities { totalCount } }";
    private const string SlowEngineQuestion = """{ entities { totalCount } neighbourhood(id: "hub") { truncated } }""";

    [Fact]
    public async Task Past_the_timeout_the_answer_is_504_and_the_work_is_cancelled()
    {
        using var api = new SlowApi();
        api.Settings["Api:TimeoutSeconds"] = "1";
        var r = await api.PostAsync(SlowSearch);
        Assert.Equal(504, r.Status);
        Assert.Equal("TIMEOUT", GraphApi.Code(r.Body));
        Assert.Contains("Api:TimeoutSeconds", GraphApi.Message(r.Body));
        Assert.DoesNotContain(" at ", r.Body!.ToJsonString(), StringComparison.Ordinal);
        await api.Store!.SearchCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_client_that_leaves_cancels_its_requests_work()
    {
        using var api = new SlowApi();
        await api.LoadAsync();
        using var leave = new CancellationTokenSource();
        var request = api.CreateClient().PostAsync("/graphql", new StringContent($$"""{"query":"{{SlowSearch}}"}""", System.Text.Encoding.UTF8, "application/json"), leave.Token);
        while (api.Store is null || api.Store.Calls == 0) await Task.Delay(10);
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await api.Store.SearchCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the 60 s search did not run on
    }

    [Fact]
    public async Task Expensive_requests_past_the_queue_get_429_with_Retry_After_while_cheap_ones_answer()
    {
        using var api = new SlowApi();
        api.Settings["Api:ExpensiveConcurrency"] = "1";
        api.Settings["Api:ExpensiveQueue"] = "0";
        api.Settings["Api:TimeoutSeconds"] = "30";
        await api.LoadAsync();
        var running = api.PostAsync(SlowEngineQuestion); // holds the only turn for its 60 s search (until the timeout)
        while (api.Store is null || api.Store.Calls == 0) await Task.Delay(10);

        var refused = await api.PostAsync(SlowEngineQuestion);
        Assert.Equal(429, refused.Status);
        Assert.Equal("TOO_MANY_REQUESTS", GraphApi.Code(refused.Body));
        Assert.True(refused.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var cheap = await api.PostAsync("""{ entity(id: "hub") { id relations { id } } }""");
        Assert.Equal(200, cheap.Status);
        Assert.False(running.IsCompleted);
        api.Store.SearchDelay = TimeSpan.Zero;
    }

    [Fact]
    public async Task An_expensive_request_waits_for_its_turn_and_then_answers()
    {
        // The second waits most of its own timeout for its turn: the wait has its own bound, and its clock starts with the turn.
        using var api = new SlowApi();
        api.Settings["Api:ExpensiveConcurrency"] = "1";
        api.Settings["Api:TimeoutSeconds"] = "2";
        await api.LoadAsync();
        var first = api.PostAsync(SlowEngineQuestion); // times out after 2 s of its own work, freeing the turn
        while (api.Store is null || api.Store.Calls == 0) await Task.Delay(10);
        await Task.Delay(500);
        api.Store.SearchDelay = TimeSpan.Zero;
        var second = await api.PostAsync(SlowEngineQuestion);
        Assert.Equal(200, second.Status);
        Assert.Equal(504, (await first).Status); // it had the turn until its time ran out
    }
}

