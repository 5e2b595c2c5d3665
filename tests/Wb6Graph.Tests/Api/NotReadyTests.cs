namespace Wb6Graph.Tests.Api;

/// <summary>While the store is not ready, /graphql answers 503 with the reason, for reads and writes alike.</summary>
public sealed class NotReadyTests : IDisposable
{
    private readonly string _seeds = Directory.CreateTempSubdirectory("wb6-bad-seeds").FullName;

    public void Dispose() => Directory.Delete(_seeds, true);

    [Fact]
    public async Task Reads_and_writes_get_503_naming_the_seed_errors_and_health_says_the_same()
    {
        File.WriteAllText(Path.Combine(_seeds, "broken.yaml"), "entities:\n  - id: a\n    name: [unclosed\n");
        using var api = new GraphApi();
        api.Settings["GraphStore:SeedsDirectory"] = _seeds;
        api.Settings["GraphStore:LoadSeedsAtStart"] = "true";

        var read = await api.PostAsync("{ stats { entities } }");
        Assert.Equal(503, read.Status);
        Assert.Equal("NOT_READY", GraphApi.Code(read.Body));
        Assert.Contains("wb6graph validate", GraphApi.Message(read.Body));
        Assert.NotNull(read.Response.Headers.RetryAfter);

        var write = await api.PostAsync("""
            mutation { addRelation(input: {type: COOPERATES_WITH, from: "hub", to: "p1", id: "x", confidence: M, sources: {ids: ["src-test"]}}) { id } }
            """, key: GraphApi.Key);
        Assert.Equal(503, write.Status);
        Assert.Contains("Nothing was read or written", GraphApi.Message(write.Body));

        var get = await api.CreateClient().GetAsync("/graphql?query=%7Bstats%7Bentities%7D%7D");
        Assert.Equal(503, (int)get.StatusCode);
        Assert.Equal(503, (int)(await api.CreateClient().GetAsync("/health/ready")).StatusCode);
    }
}
