using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;
using Wb6Graph.Neo4j;
using Wb6Graph.Tests.Api;

namespace Wb6Graph.Tests.Contract;

/// <summary>The GraphQL fields answer through whichever IGraphQuestions is registered, and pass on a backend's refusal with its code.</summary>
public sealed class QuestionErrorsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Betweenness_on_a_backend_without_GDS_is_a_NEEDS_GDS_error()
    {
        using var factory = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IGraphQuestions, WithoutGds>()));
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/graphql", new { query = "{ centrality(measure: BETWEENNESS) { rank entity { id } } }" });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var error = body["errors"]![0]!;
        Assert.Equal(Neo4jGraphQuestions.NeedsGds, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("Graph Data Science", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private sealed class WithoutGds : IGraphQuestions
    {
        public Task<Bounded<IReadOnlyList<RankedEntity>>> CentralityAsync(CentralityMeasure measure, IReadOnlySet<EntityKind>? kinds, DateOnly? asOf, int? limit, CancellationToken ct = default) =>
            throw new QuestionUnavailableException(Neo4jGraphQuestions.NeedsGds, "BETWEENNESS needs the Graph Data Science plugin");

        public Task<Bounded<GraphPath?>> ShortestPathAsync(string from, string to, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<Bounded<IReadOnlyList<GraphPath>>> PathsAsync(string from, string to, int k, TraversalOptions options, PathWeighting weighting = PathWeighting.Hops, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<Subgraph> NeighbourhoodAsync(string id, int depth, TraversalOptions options, int? limit = null, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<Bounded<IReadOnlyList<LinkSuggestion>>> SuggestedLinksAsync(string? id, IReadOnlySet<EntityKind>? fromKinds, IReadOnlyList<string>? countries, IReadOnlySet<EntityKind>? toKinds, LinkScore method, int? limit, DateOnly? asOf, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<GapReport>> GapsAsync(GapTemplate template, string? country, DateOnly asOf, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<Bounded<IReadOnlyList<GapCell>>> GapMatrixAsync(IReadOnlyList<string> from, IReadOnlyList<string> to, TraversalOptions options, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
