using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Embedded;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

/// <summary>
/// The API over an in-memory store holding a graph the test builds (not the curated seeds): a hub with
/// <see cref="HubDegree"/> partners, each partner linked to the next. One key may write.
/// </summary>
public class GraphApi : WebApplicationFactory<Program>
{
    public const string Key = "graph-api-key";
    public const int HubDegree = 60;

    private readonly SemaphoreSlim _loaded = new(1, 1);
    private bool _isLoaded;

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["GraphStore:InMemory"] = "true",
        ["GraphStore:LoadSeedsAtStart"] = "false",
        ["GraphStore:SeedsDirectory"] = "/nonexistent/wb6graph-seeds",
        ["Api:ApiKeys:0"] = Key,
        ["Api:WarmUp"] = "false",
    };

    public static SeedGraph Hub()
    {
        var b = new GraphBuilder().Entity("hub", name: "The Hub");
        for (var i = 0; i < HubDegree; i++) b.Entity($"p{i}", name: $"Partner {i}").Relation("hub", "COOPERATES_WITH", $"p{i}");
        for (var i = 0; i + 1 < HubDegree; i++) b.Relation($"p{i}", "COOPERATES_WITH", $"p{i + 1}");
        return b.Build();
    }

    protected virtual SeedGraph Graph() => Hub();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public async Task LoadAsync()
    {
        await _loaded.WaitAsync();
        try
        {
            if (!_isLoaded) await Services.GetRequiredService<EmbeddedGraphStore>().LoadSeedsAsync(Graph());
            _isLoaded = true;
        }
        finally
        {
            _loaded.Release();
        }
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string query, object? variables = null, string? key = null, string? operationName = null)
    {
        await LoadAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var response = await CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null, response);
    }

    public static string Code(JsonNode? body) => body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    public static string Message(JsonNode? body) => body!["errors"]![0]!["message"]!.GetValue<string>();
}
