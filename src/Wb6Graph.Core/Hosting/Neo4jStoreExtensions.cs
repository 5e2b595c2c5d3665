using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wb6Graph.Neo4j;

namespace Wb6Graph.Hosting;

public static class Neo4jStoreExtensions
{
    /// <summary>The HttpClient name of the Query API client.</summary>
    public const string HttpClientName = "neo4j";

    /// <summary>
    /// Registers the Neo4j store and its Query API client. Nothing connects until the store is asked for, and the
    /// <c>Neo4j</c> settings are checked at start only when <c>GraphStore:Backend</c> is <c>Neo4j</c>.
    /// </summary>
    public static IHostApplicationBuilder AddNeo4jStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<Neo4jOptions>()
            .BindConfiguration(Neo4jOptions.Section)
            .PostConfigure<Microsoft.Extensions.Configuration.IConfiguration>((o, config) =>
            {
                if (string.IsNullOrEmpty(o.Password)) o.Password = config["WB6GRAPH_NEO4J_PASSWORD"];
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<Neo4jOptions>, Neo4jOptionsValidator>();

        // Every statement is a request: the client's per-request logs would drown the store's own warnings.
        builder.Logging.AddFilter($"System.Net.Http.HttpClient.{HttpClientName}", LogLevel.Warning);
        builder.Services.AddHttpClient(HttpClientName)
            // One client lives as long as the store (it keeps the bookmarks), so connections are recycled by the
            // handler instead of by the factory, and DNS changes (a cluster member moving) are still picked up.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient((sp, http) => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((o, sp) => ConfigureResilience(o, sp.GetRequiredService<IOptions<Neo4jOptions>>().Value));

        builder.Services.AddSingleton(sp => new Neo4jQueryClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<Neo4jOptions>>().Value));
        builder.Services.AddSingleton(sp => new Neo4jGraphStore(
            sp.GetRequiredService<Neo4jQueryClient>(),
            sp.GetRequiredService<IOptions<Neo4jOptions>>().Value));
        return builder;
    }

    /// <summary>
    /// Retries only what cannot have been executed or says to try again: a refused connection, 503, 429, 408.
    /// A 4xx or an error in the body is an answer, and is never sent twice.
    /// </summary>
    internal static void ConfigureResilience(HttpStandardResilienceOptions o, Neo4jOptions neo4j)
    {
        var attempt = TimeSpan.FromSeconds(neo4j.TimeoutSeconds);
        o.AttemptTimeout.Timeout = attempt;
        o.TotalRequestTimeout.Timeout = attempt * 3;
        o.CircuitBreaker.SamplingDuration = attempt * 2 + TimeSpan.FromSeconds(1);
        o.Retry.MaxRetryAttempts = 3;
        o.Retry.Delay = TimeSpan.FromMilliseconds(200);
        o.Retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
        {
            // Only a connection that was never made: a reset after the body went out may have committed a write.
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => true,
            { Result.StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout } => true,
            _ => false,
        });
    }
}

/// <summary>Checks the Neo4j section only when Neo4j is the backend, naming each wrong key.</summary>
internal sealed class Neo4jOptionsValidator(IOptions<GraphStoreOptions> store) : IValidateOptions<Neo4jOptions>
{
    public ValidateOptionsResult Validate(string? name, Neo4jOptions options)
    {
        if (store.Value.Backend != "Neo4j") return ValidateOptionsResult.Skip;
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
