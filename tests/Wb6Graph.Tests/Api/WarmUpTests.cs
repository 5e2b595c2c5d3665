using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Api.Http;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

/// <summary>The server's own first visit to the explorer, made once it listens and its store is ready.</summary>
public sealed class WarmUpTests
{
    private static async Task<(WarmUpReport Report, HttpClient Http)> StartAsync(KestrelApi api)
    {
        api.Start();
        var report = await api.Services.GetRequiredService<WarmUp>().Completed.WaitAsync(TimeSpan.FromMinutes(2));
        return (report, new HttpClient { BaseAddress = new Uri(api.BaseUrl) });
    }

    [Fact]
    public async Task A_started_server_fetches_the_page_and_its_files_and_asks_the_first_questions()
    {
        await using var api = new KestrelApi();
        var (report, _) = await StartAsync(api);

        Assert.Null(report.SkippedBecause);
        Assert.True(report.Steps.All(s => s.Problem is null && s.Status == 200), string.Join("\n", report.Steps));
        // The page, its style sheet, Cytoscape.js and every module of the explorer (index.html preloads them all).
        var modules = Directory.GetFiles(Repo.Path("src/Wb6Graph.Api/wwwroot/explorer"), "*.js").Select(f => $"/explorer/{Path.GetFileName(f)}");
        string[] expected = ["/", "/explorer/explorer.css", "/explorer/vendor/cytoscape.min.js", .. modules];
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            report.Steps.Where(s => s.Kind == WarmUpStep.File).Select(s => s.Url).Order(StringComparer.Ordinal));
        var questions = report.Steps.Where(s => s.Kind == WarmUpStep.Question).Select(s => s.Url).ToList();
        Assert.Equal(2, questions.Count);
        Assert.StartsWith("/graphql?query=query%20Start%20%7B", questions[0], StringComparison.Ordinal);
        Assert.Contains("operationName=WarmUp", questions[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Start_answer_waits_in_the_answer_cache_for_the_first_visitor()
    {
        await using var api = new KestrelApi();
        var (report, http) = await StartAsync(api);
        var cache = api.Services.GetRequiredService<ResponseCache>();
        var kept = cache.Count;
        Assert.True(kept >= 1, "the warm-up's answers are kept");

        // The page's request, as the warm-up sent it: answered from the cache, so nothing is added to it.
        using var request = new HttpRequestMessage(HttpMethod.Get, report.Steps.First(s => s.Kind == WarmUpStep.Question).Url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"top\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(kept, cache.Count);
    }

    [Fact]
    public async Task A_failed_question_is_reported_and_the_server_serves_on()
    {
        // Only persisted documents: the Start question, a free-form one, is refused.
        await using var api = new KestrelApi(("Api:OnlyPersistedDocuments", "true"));
        var (report, http) = await StartAsync(api);

        var start = report.Steps.Single(s => s.Kind == WarmUpStep.Question);
        Assert.Equal(400, start.Status);
        Assert.Contains("answered 400", start.Problem, StringComparison.Ordinal);
        Assert.All(report.Steps.Where(s => s.Kind == WarmUpStep.File), s => Assert.Null(s.Problem));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Without_a_socket_or_when_turned_off_it_says_why_it_did_not_run()
    {
        await using var inMemory = new ApiFactory();
        _ = inMemory.CreateClient();
        var skipped = await inMemory.Services.GetRequiredService<WarmUp>().Completed.WaitAsync(TimeSpan.FromMinutes(1));
        await using var off = new KestrelApi(("Api:WarmUp", "false"));
        var (turnedOff, _) = await StartAsync(off);

        Assert.Equal(("the server has no address to call (in-memory test server)", 0), (skipped.SkippedBecause, skipped.Steps.Count));
        Assert.Equal(("Api:WarmUp is false", 0), (turnedOff.SkippedBecause, turnedOff.Steps.Count));
    }

    [Theory]
    [InlineData("http://+:8080", "http://localhost:8080/")]
    [InlineData("http://0.0.0.0:5080", "http://localhost:5080/")]
    [InlineData("http://[::]:8080", "http://localhost:8080/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    [InlineData("https://localhost:7001;http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://unix:/tmp/wb6graph.sock;https://127.0.0.1:7001", "https://127.0.0.1:7001/")]
    public void A_wildcard_address_is_called_on_loopback_and_plain_HTTP_is_preferred(string addresses, string expected) =>
        Assert.Equal(expected, WarmUp.LoopbackAddress(addresses.Split(';'))!.ToString());

    [Fact]
    public void A_Unix_socket_alone_is_no_address_to_call() => Assert.Null(WarmUp.LoopbackAddress(["http://unix:/tmp/wb6graph.sock"]));

    [Fact]
    public void The_Start_question_is_read_with_the_line_ends_a_browser_gives_it()
    {
        const string page = "<script>\r\n  fetch('/graphql?query=' + encodeURIComponent(`query Start {\r\n  top: centrality(measure: DEGREE) { entity { id } }\r\n}`));\r\n</script>";

        Assert.Equal("query Start {\n  top: centrality(measure: DEGREE) { entity { id } }\n}", WarmUp.StartQuery(page));
    }

    [Fact]
    public async Task Where_reads_need_a_key_it_sends_one()
    {
        await using var api = new KestrelApi(("Api:RequireKeyForReads", "true"), ("Api:ApiKeys:0", "warm-up-test-key"));
        var (report, http) = await StartAsync(api);

        Assert.All(report.Steps, s => Assert.True(s.Problem is null, $"{s.Url}: {s.Problem}"));
        Assert.Equal(2, report.Steps.Count(s => s.Kind == WarmUpStep.Question));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/graphql?query=%7B__typename%7D")).StatusCode);
    }

    [Fact]
    public void Questions_are_escaped_as_the_page_escapes_them()
    {
        // encodeURIComponent leaves letters, digits and - _ . ! ~ * ' ( ) as they are, and escapes the rest as UTF-8.
        Assert.Equal("query%20Start%20%7B%20top%3A%20centrality(measure%3A%20DEGREE)%20%7D%20!*'~%C3%AB",
            WarmUp.EncodeUriComponent("query Start { top: centrality(measure: DEGREE) } !*'~ë"));
    }
}
