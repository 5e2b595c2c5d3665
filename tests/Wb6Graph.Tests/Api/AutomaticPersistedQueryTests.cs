using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

/// <summary>
/// Automatic persisted queries (Apollo's protocol): a hash without its document is answered from the registered
/// documents or with PersistedQueryNotFound, which makes the client resend the document with its hash to register it.
/// </summary>
public sealed class AutomaticPersistedQueryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Gaps = "query Gaps($asOf: Date) { gaps(asOf: $asOf) { countryId country { name } score coverage } }";

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Extensions(string hash, int version = 1) => $$$"""{"persistedQuery":{"version":{{{version}}},"sha256Hash":"{{{hash}}}"}}""";

    /// <summary>A GET as Apollo's link sends it with useGETForHashedQueries: no query, the hash in extensions.</summary>
    private static string HashedGet(string hash, object? variables = null) =>
        "/graphql?extensions=" + Uri.EscapeDataString(Extensions(hash)) + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));

    private static async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(ApiFactory factory, string? query, string hash, object? variables = null, string? key = null, int version = 1)
    {
        var body = new JsonObject { ["extensions"] = JsonNode.Parse(Extensions(hash, version)) };
        if (query is not null) body["query"] = query;
        if (variables is not null) body["variables"] = JsonSerializer.SerializeToNode(variables);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        var response = await factory.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null, response);
    }

    private static void AssertNotFound((int Status, JsonNode? Body, HttpResponseMessage Response) r)
    {
        // What the clients look for: urql the message, Apollo Client the message or the code; both read a 200.
        Assert.Equal(200, r.Status);
        Assert.Null(r.Body!["data"]);
        Assert.Equal("PersistedQueryNotFound", r.Body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", GraphApi.Code(r.Body));
        Assert.True(r.Response.Headers.CacheControl!.NoStore);
        Assert.Null(r.Response.Headers.ETag);
    }

    [Fact]
    public async Task The_flow_not_found_then_registered_then_a_cached_get_with_an_etag_and_a_304()
    {
        using var own = new ApiFactory();
        var query = Gaps + " # " + Guid.NewGuid();
        var hash = Sha256(query);
        var variables = new { asOf = "2025-01-01" };

        AssertNotFound(await own.GetAsync(HashedGet(hash, variables)));

        var registered = await PostAsync(own, query, hash, variables);
        Assert.Equal(6, ApiFactory.Data(registered)["gaps"]!.AsArray().Count);

        var get = await own.GetAsync(HashedGet(hash, variables));
        Assert.Equal(registered.Body!.ToJsonString(), get.Body!.ToJsonString());
        var etag = get.Response.Headers.ETag!;
        Assert.Contains("must-revalidate", get.Response.Headers.CacheControl!.ToString());

        own.Counting!.Reset();
        var again = await own.GetAsync(HashedGet(hash, variables));
        Assert.Equal((200, 0), (again.Status, own.Counting.Calls)); // from the answer cache: nothing asked of the store
        Assert.Equal(etag, again.Response.Headers.ETag);
        var revalidated = await own.GetAsync(HashedGet(hash, variables), r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(304, revalidated.Status);

        var otherDay = await own.GetAsync(HashedGet(hash, new { asOf = "2020-01-01" }));
        Assert.Equal(200, otherDay.Status);
        Assert.NotEqual(etag, otherDay.Response.Headers.ETag);
    }

    [Fact]
    public async Task A_get_by_hash_is_tagged_cached_and_revalidated_as_the_get_by_document_id_of_the_same_document()
    {
        using var own = new ApiFactory();
        var file = File.ReadAllBytes(Repo.Path("tests/Wb6Graph.Tests/Api/persisted/entity-with-relations.graphql"));
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(file));
        var registered = Encoding.UTF8.GetString(file) + "\n# registered over APQ, not a file";
        var variables = new { id = "wb3c" };
        Assert.Equal(200, (await PostAsync(own, registered, Sha256(registered), variables)).Status);
        var urls = new Dictionary<string, string>
        {
            ["documentId"] = $"/graphql?documentId=sha256:{fileHash}&variables={Uri.EscapeDataString(JsonSerializer.Serialize(variables))}",
            ["hash of the file"] = HashedGet(fileHash, variables),
            ["hash of a registered document"] = HashedGet(Sha256(registered), variables),
        };

        var before = new Dictionary<string, EntityTagHeaderValue>();
        foreach (var (name, url) in urls)
        {
            var first = await own.GetAsync(url);
            Assert.True(first.Status == 200, $"{name}: {first.Status}");
            Assert.Equal("Western Balkans Cyber Capacity Centre", ApiFactory.Data(first)["entity"]!["name"]!.GetValue<string>());
            Assert.True(first.Response.Headers.ETag is not null, $"{name}: an ETag");
            var etag = before[name] = first.Response.Headers.ETag;
            Assert.Contains("must-revalidate", first.Response.Headers.CacheControl?.ToString() ?? "");
            Assert.Contains("Accept", first.Response.Headers.Vary);

            own.Counting!.Reset();
            var again = await own.GetAsync(url);
            Assert.True((200, 0) == (again.Status, own.Counting.Calls), $"{name}: answered from the answer cache, without asking the store");
            Assert.Equal(first.Body!.ToJsonString(), again.Body!.ToJsonString());
            Assert.Equal(etag, again.Response.Headers.ETag);
            Assert.True(304 == (await own.GetAsync(url, r => r.Headers.IfNoneMatch.Add(etag))).Status, $"{name}: 304 for its ETag");
            var weak = await own.GetAsync(url, r => r.Headers.TryAddWithoutValidation("If-None-Match", "W/" + etag.Tag));
            Assert.True(304 == weak.Status, $"{name}: 304 for its weak ETag");
        }
        Assert.Equal(urls.Count, before.Values.Distinct().Count()); // one ETag per URL

        const string write = """mutation { retractRelation(id: "kcss-implements-ascend-wb6", reason: "test", sources: {ids: ["regional-qkss-ascend-project"]}) { id } }""";
        Assert.Equal(200, (await own.PostAsync(write, key: ApiFactory.Key)).Status);
        foreach (var (name, url) in urls)
        {
            var after = await own.GetAsync(url, r => r.Headers.IfNoneMatch.Add(before[name]));
            Assert.True(after.Status == 200, $"{name}: after a write the old ETag gets the answer again, not {after.Status}");
            Assert.NotEqual(before[name], after.Response.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_hash_that_names_no_document_is_not_found_over_post_too_and_for_json_only_clients()
    {
        var hash = Sha256("{ stats { entities } } # never sent");
        AssertNotFound(await PostAsync(api, null, hash));
        AssertNotFound(await api.GetAsync(HashedGet(hash), r => r.Headers.Accept.ParseAdd("application/json")));
    }

    [Fact]
    public async Task A_document_whose_hash_does_not_match_is_400_naming_both_hashes_and_is_not_registered()
    {
        const string query = "{ stats { entities } }";
        var wrong = Sha256(query + " ");
        var r = await PostAsync(api, query, wrong);
        Assert.Equal(400, r.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", GraphApi.Code(r.Body));
        Assert.Contains(wrong, GraphApi.Message(r.Body));
        Assert.Contains(Sha256(query), GraphApi.Message(r.Body));
        AssertNotFound(await api.GetAsync(HashedGet(wrong)));
    }

    [Theory]
    [InlineData("""{"persistedQuery":{"version":2,"sha256Hash":"00"}}""", "extensions.persistedQuery.version")]
    [InlineData("""{"persistedQuery":{"sha256Hash":"ab"}}""", "extensions.persistedQuery.version")]
    [InlineData("""{"persistedQuery":{"version":1,"sha256Hash":"xyz"}}""", "extensions.persistedQuery.sha256Hash")]
    [InlineData("""{"persistedQuery":{"version":1}}""", "extensions.persistedQuery.sha256Hash")]
    [InlineData("""{"persistedQuery":"abc"}""", "extensions.persistedQuery must be an object")]
    public async Task A_malformed_persisted_query_is_400_naming_the_field(string extensions, string named)
    {
        var r = await api.GetAsync("/graphql?extensions=" + Uri.EscapeDataString(extensions));
        Assert.Equal(400, r.Status);
        Assert.Equal("PERSISTED_QUERY_INVALID", GraphApi.Code(r.Body));
        Assert.Contains(named, GraphApi.Message(r.Body));
    }

    [Fact]
    public async Task A_document_id_and_a_persisted_query_together_are_400()
    {
        var r = await api.GetAsync(HashedGet(Sha256("{ stats { entities } }")) + "&documentId=sha256:" + new string('0', 64));
        Assert.Equal(400, r.Status);
        Assert.Contains("extensions.persistedQuery", GraphApi.Message(r.Body));
    }

    [Fact]
    public async Task The_files_on_disk_answer_by_hash_and_only_persisted_documents_refuses_registration()
    {
        using var strict = new ApiFactory();
        strict.Settings["Api:OnlyPersistedDocuments"] = "true";
        var file = Repo.Path("tests/Wb6Graph.Tests/Api/persisted/entity-with-relations.graphql");
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        var persisted = await strict.GetAsync(HashedGet(fileHash, new { id = "wb3c" }));
        Assert.Equal("Western Balkans Cyber Capacity Centre", ApiFactory.Data(persisted)["entity"]!["name"]!.GetValue<string>());
        Assert.Equal(200, (await PostAsync(strict, File.ReadAllText(file), fileHash, new { id = "al" })).Status);

        const string query = "{ stats { entities } }";
        var refused = await PostAsync(strict, query, Sha256(query));
        Assert.Equal(400, refused.Status);
        Assert.Equal("PERSISTED_DOCUMENT_REQUIRED", GraphApi.Code(refused.Body));
        Assert.Contains("Api:OnlyPersistedDocuments", GraphApi.Message(refused.Body));
        AssertNotFound(await strict.GetAsync(HashedGet(Sha256(query))));
    }

    [Fact]
    public async Task A_write_over_a_persisted_query_needs_the_key_to_register_and_to_run_and_never_runs_over_get()
    {
        using var own = new ApiFactory();
        const string write = """mutation { retractRelation(id: "no-such-relation", reason: "test", sources: {ids: ["regional-qkss-ascend-project"]}) { id } }""";
        var hash = Sha256(write);

        Assert.Equal(401, (await PostAsync(own, write, hash)).Status);
        AssertNotFound(await PostAsync(own, null, hash, key: ApiFactory.Key)); // refused, so not registered

        var registered = await PostAsync(own, write, hash, key: ApiFactory.Key);
        Assert.Equal("NOT_FOUND", GraphApi.Code(registered.Body)); // it ran: the relation does not exist
        Assert.Equal(401, (await PostAsync(own, null, hash)).Status);
        Assert.Equal("NOT_FOUND", GraphApi.Code((await PostAsync(own, null, hash, key: ApiFactory.Key)).Body));
        Assert.Equal(405, (await own.GetAsync(HashedGet(hash), r => r.Headers.Authorization = new("Bearer", ApiFactory.Key))).Status);
    }

    [Fact]
    public async Task A_registered_document_is_priced_and_bounded_like_any_other()
    {
        using var own = new ApiFactory();
        own.Settings["Api:MaxComplexity"] = "1000";
        own.Settings["Api:MaxDocumentLength"] = "200";
        const string costly = "query($n: Int) { entities(first: $n) { nodes { relations { id } } } }";
        var hash = Sha256(costly);
        Assert.Equal(200, (await PostAsync(own, costly, hash, new { n = 1 })).Status);
        var priced = await PostAsync(own, null, hash, new { n = 200 });
        Assert.Equal(422, priced.Status);
        Assert.Equal("COMPLEXITY", GraphApi.Code(priced.Body));

        var longer = "{ stats { entities } }" + new string(' ', 300);
        Assert.Equal(413, (await PostAsync(own, longer, Sha256(longer))).Status);
        AssertNotFound(await PostAsync(own, null, Sha256(longer)));
    }

    [Fact]
    public async Task A_registered_document_has_the_same_clock()
    {
        using var own = new ApiFactory();
        own.Settings["Api:TimeoutSeconds"] = "3";
        await own.PostAsync("{ stats { entities } }"); // the first request of a new server pays for compiling its paths
        const string search = """{ entities(search: "podgorica") { totalCount } }""";
        var hash = Sha256(search);
        Assert.Equal(200, (await PostAsync(own, search, hash)).Status);
        own.Counting!.SearchDelay = TimeSpan.FromSeconds(60);
        var slow = await PostAsync(own, null, hash);
        Assert.Equal(504, slow.Status);
        Assert.Equal("TIMEOUT", GraphApi.Code(slow.Body));
    }
}
