using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

/// <summary>The GraphQL-over-HTTP rules (graphql/graphql-over-http, current draft) and our limits.</summary>
public sealed class TransportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string DocumentId(string file) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Repo.Path($"tests/Wb6Graph.Tests/Api/persisted/{file}"))));

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? body = null, string? contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType ?? "text/plain");
        if (body is not null && contentType is null) request.Content!.Headers.ContentType = null;
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await api.CreateClient().SendAsync(request);
    }

    private static async Task<string> Message(HttpResponseMessage r) =>
        System.Text.Json.Nodes.JsonNode.Parse(await r.Content.ReadAsStringAsync())!["errors"]![0]!["message"]!.GetValue<string>();

    [Fact]
    public async Task The_default_response_type_is_graphql_response_json_and_json_only_clients_get_json()
    {
        var modern = await Send(HttpMethod.Post, "/graphql", """{"query":"{ stats { entities } }"}""");
        Assert.Equal("application/graphql-response+json", modern.Content.Headers.ContentType!.MediaType);
        var legacy = await Send(HttpMethod.Post, "/graphql", """{"query":"{ stats { entities } }"}""", accept: "application/json");
        Assert.Equal("application/json", legacy.Content.Headers.ContentType!.MediaType);
        var none = await Send(HttpMethod.Post, "/graphql", """{"query":"{ stats { entities } }"}""", accept: "application/xml");
        Assert.Equal(406, (int)none.StatusCode);
    }

    [Theory]
    [InlineData("""{"query":"{ stats { entities }"}""", 400)]           // syntax error
    [InlineData("""{"query":"{ stats { nope } }"}""", 422)]            // validation
    [InlineData("""{"query":"query($n: Int!) { entities(first: $n) { totalCount } }", "variables": {"n": "ten"}}""", 422)] // coercion
    [InlineData("""{"query":"query A { stats { entities } }", "operationName": "B"}""", 422)] // unknown operation
    [InlineData("""{"query":""", 400)]                                 // malformed JSON
    [InlineData("""["not an object"]""", 400)]
    [InlineData("""{"query": 42}""", 400)]
    [InlineData("""{"variables": {}}""", 400)]                         // no document
    public async Task Bad_requests_get_the_spec_status_and_never_200_without_data(string body, int status)
    {
        var r = await Send(HttpMethod.Post, "/graphql", body);
        Assert.Equal(status, (int)r.StatusCode);
        var text = await r.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"data\"", text);
        Assert.Contains("\"errors\"", text);
    }

    [Fact]
    public async Task A_cached_document_still_has_its_variables_coerced_and_its_limits_applied()
    {
        const string query = "query($n: Int!) { entities(first: $n) { totalCount } }";
        Assert.Equal(200, (await api.PostAsync(query, new { n = 3 })).Status);
        Assert.Equal(200, (await api.PostAsync(query, new { n = 4 })).Status);
        var wrong = await api.PostAsync(query, new { n = "ten" });
        Assert.Equal(422, wrong.Status);
        Assert.Null(wrong.Body!["data"]);

        var deep = "{ entity(id: \"wb3c\") { " + string.Concat(Enumerable.Repeat("neighbours { ", 22)) + "id" + new string('}', 22) + " } }";
        Assert.Equal(422, (await api.PostAsync(deep)).Status);
        Assert.Equal(422, (await api.PostAsync(deep)).Status);
    }

    [Theory]
    [InlineData("""{"query":"{ stats { nope } }"}""")]   // validation
    [InlineData("""{"query":"{ stats { entities }"}""")] // syntax
    public async Task Legacy_json_clients_get_200_for_any_well_formed_request_as_the_spec_says(string body)
    {
        var r = await Send(HttpMethod.Post, "/graphql", body, accept: "application/json");
        Assert.Equal(200, (int)r.StatusCode);
        Assert.Equal("application/json", r.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_document_nested_past_the_parser_depth_is_400_with_what_to_fix_not_500()
    {
        var r = await api.PostAsync("{" + string.Concat(Enumerable.Repeat("a{", 300)) + "b" + new string('}', 301));
        Assert.Equal(400, r.Status);
        Assert.Equal("DOCUMENT_TOO_DEEP", r.Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("flatten", r.Body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_the_complexity_limit_is_422_with_the_analyzer_message()
    {
        using var strict = new ApiFactory();
        strict.Settings["Api:MaxComplexity"] = "20";
        var r = await strict.PostAsync("""{ entities { nodes { relations { from { relations { to { id } } } } } } }""");
        Assert.Equal(422, r.Status);
        Assert.Null(r.Body!["data"]);
        Assert.Contains("complexity", r.Body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (await strict.PostAsync("{ stats { entities } }")).Status);
    }

    [Fact]
    public async Task A_document_that_passed_with_a_small_k_is_priced_again_when_its_variables_ask_for_more()
    {
        // The complexity of `paths(k: $k)` depends on the variable; a document validated once must not carry that over.
        // On the hub graph (largest degree 60): k = 1 costs 1 + (1 + 4 x (2 + 60)) = 250, k = 10 costs 2,491.
        const string query = """query P($k: Int) { paths(from: "p0", to: "p5", k: $k) { entities { id relations { id } } } }""";
        using var fresh = new GraphApi();
        fresh.Settings["Api:MaxComplexity"] = "300";
        Assert.Equal(422, (await fresh.PostAsync(query, new { k = 10 })).Status); // priced on a fresh document: refused
        using var strict = new GraphApi();
        strict.Settings["Api:MaxComplexity"] = "300";
        Assert.Equal(200, (await strict.PostAsync(query, new { k = 1 })).Status);
        var more = await strict.PostAsync(query, new { k = 10 });
        Assert.Equal(422, more.Status);
        Assert.Equal("COMPLEXITY", more.Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dashboards_gap_report_with_its_evidence_fits_the_default_complexity_limit_and_a_runaway_query_does_not()
    {
        // Lists that are short by construction (six countries, thirteen items, a few steps) are not priced like pages.
        var gaps = await api.PostAsync("""
            { gaps { countryId score items { id status evidence { length entities { id name }
                relations { id type validFrom validTo confidence sources { id title url } } } } } }
            """);
        Assert.Equal(200, gaps.Status);
        Assert.Equal(6, gaps.Body!["data"]!["gaps"]!.AsArray().Count);

        var runaway = await api.PostAsync("""{ entities(first: 200) { nodes { neighbours { neighbours { neighbours { neighbours { id } } } } } } }""");
        Assert.Equal(422, runaway.Status);
        Assert.Equal("COMPLEXITY", runaway.Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_explorers_neighbourhood_requests_fit_the_default_complexity_limit()
    {
        // limit sizes the subgraph's lists, not the one subgraph the field returns: counted twice, this was refused.
        var r = await api.PostAsync("""
            { x0: neighbourhood(id: "kcss", depth: 1, limit: 200) { truncated entities { id kind name countryId }
                relations { id type fromId toId validFrom validTo confidence } }
              x1: neighbourhood(id: "enisa", depth: 1, limit: 200) { truncated entities { id kind name countryId }
                relations { id type fromId toId validFrom validTo confidence } } }
            """);
        Assert.Equal(200, r.Status);
        Assert.NotEmpty(r.Body!["data"]!["x0"]!["entities"]!.AsArray());
    }

    [Fact]
    public async Task A_request_over_the_timeout_is_504_with_a_code_and_no_stack_trace()
    {
        using var slow = new ApiFactory();
        slow.Settings["Api:TimeoutSeconds"] = "1";
        await slow.PostAsync("{ stats { entities } }"); // start the host
        slow.Counting!.SearchDelay = TimeSpan.FromSeconds(30);
        var r = await slow.PostAsync("{ entities { totalCount } }");
        Assert.Equal(504, r.Status);
        Assert.Equal("TIMEOUT", r.Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain(" at ", r.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"query\":\"{ stats { entities } }", "\"}")]
    [InlineData("{\"query\":\"{ stats { entities } }\",\"unread\":\"", "\"}")] // in a key the server does not read
    public async Task A_body_that_is_not_utf8_is_400_not_500(string head, string tail)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(head), 0xFF, .. Encoding.UTF8.GetBytes(tail)]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var r = await api.CreateClient().SendAsync(request);
        Assert.Equal(400, (int)r.StatusCode);
        Assert.Contains("UTF-8", await Message(r));
    }

    [Fact]
    public async Task An_escaped_half_of_a_surrogate_pair_is_400_naming_the_parameter()
    {
        var r = await Send(HttpMethod.Post, "/graphql", """{"query":"{ stats { entities } }","operationName":"\ud800"}""");
        Assert.Equal(400, (int)r.StatusCode);
        Assert.Contains("'operationName'", await Message(r));
        const string query = "query($s: String) { entities(search: $s) { totalCount } }";
        var post = await Send(HttpMethod.Post, "/graphql", $$$"""{"query":"{{{query}}}","variables":{"s":"\ud800"}}""");
        Assert.Equal(400, (int)post.StatusCode);
        Assert.Contains("'variables'", await Message(post));
        var get = await Send(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query) + "&variables=" + Uri.EscapeDataString("""{"s":"\ud800"}"""));
        Assert.Equal(400, (int)get.StatusCode);
        Assert.Contains("'variables'", await Message(get));
    }

    [Theory]
    [InlineData("Application/JSON", null, "application/graphql-response+json")]
    [InlineData("application/json; charset=\"utf-8\"", null, "application/graphql-response+json")]
    [InlineData("application/json", "Application/JSON", "application/json")]
    [InlineData("application/json", "application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json, */*", "application/json")] // a legacy client
    [InlineData("application/json", "application/json;q=0, */*", "application/graphql-response+json")]
    [InlineData("application/json", "application/graphql-response+json;q=0.5, application/json", "application/json")]
    [InlineData("application/json", "application/json;q=0.9, */*", "application/graphql-response+json")] // rated lower than */*
    public async Task Media_types_are_compared_as_http_defines_them_and_the_preferred_one_answers(string contentType, string? accept, string answered)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ stats { entities } }"}""") };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var r = await api.CreateClient().SendAsync(request);
        Assert.Equal(200, (int)r.StatusCode);
        Assert.Equal(answered, r.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_most_specific_accept_range_rates_a_type()
    {
        // application/* refuses both JSON types, though */* would take any.
        var r = await Send(HttpMethod.Post, "/graphql", """{"query":"{ stats { entities } }"}""", accept: "application/*;q=0, */*");
        Assert.Equal(406, (int)r.StatusCode);
    }

    [Fact]
    public async Task Query_and_document_id_together_repeated_get_parameters_and_null_variables()
    {
        var both = await Send(HttpMethod.Post, "/graphql", $$"""{"documentId":"{{DocumentId("entity-with-relations.graphql")}}","query":"{ stats { entities } }"}""");
        Assert.Equal(400, (int)both.StatusCode);
        Assert.Contains("not both", await Message(both));

        var twice = await Send(HttpMethod.Get, "/graphql?query=%7Bstats%7Bentities%7D%7D&query=%7Bstats%7Brelations%7D%7D");
        Assert.Equal(400, (int)twice.StatusCode);
        Assert.Contains("'query' is given 2 times", await Message(twice));

        // null means absent, over GET as over POST.
        Assert.Equal(200, (int)(await Send(HttpMethod.Get, "/graphql?query=%7Bstats%7Bentities%7D%7D&variables=null")).StatusCode);
    }

    [Fact]
    public async Task If_none_match_star_is_304_only_when_the_request_has_an_answer()
    {
        async Task<int> Star(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
            return (int)(await api.CreateClient().SendAsync(request)).StatusCode;
        }
        Assert.Equal(422, await Star("/graphql?query=%7Bnope%7D"));
        const string url = "/graphql?query=%7Bstats%7Bsources%7D%7D";
        Assert.Equal(304, await Star(url)); // executed, then found to exist
        Assert.Equal(304, await Star(url)); // from the answer cache
    }

    [Fact]
    public async Task Get_answers_vary_by_origin_where_other_sites_may_call()
    {
        using var cors = new ApiFactory();
        cors.Settings["Api:CorsOrigins:0"] = "https://dash.example.org";
        var allowed = await cors.GetAsync("/graphql?query=%7Bstats%7Bentities%7D%7D", r => r.Headers.Add("Origin", "https://dash.example.org"));
        Assert.Equal(["https://dash.example.org"], allowed.Response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["Accept", "Origin"], allowed.Response.Headers.Vary);
        var plain = await api.GetAsync("/graphql?query=%7Bstats%7Bentities%7D%7D");
        Assert.Equal(["Accept"], plain.Response.Headers.Vary);
    }

    [Fact]
    public async Task Dashboards_on_configured_origins_pass_the_cors_preflight_and_others_do_not()
    {
        using var cors = new ApiFactory();
        cors.Settings["Api:CorsOrigins:0"] = "https://dash.example.org";
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return await cors.CreateClient().SendAsync(request);
        }
        var allowed = await Preflight("https://dash.example.org");
        Assert.Equal(["https://dash.example.org"], allowed.Headers.GetValues("Access-Control-Allow-Origin"));
        var other = await Preflight("https://evil.example.com");
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Simple_cross_site_content_types_are_refused_with_415(string? contentType)
    {
        var r = await Send(HttpMethod.Post, "/graphql", "query={stats{entities}}", contentType);
        Assert.Equal(415, (int)r.StatusCode);
    }

    [Fact]
    public async Task A_mutation_over_get_is_405_with_allow_post()
    {
        var r = await Send(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("""mutation { endRelation(id: "x", validTo: "2025-01-01", sources: {ids: ["y"]}) { id } }"""));
        Assert.Equal(405, (int)r.StatusCode);
        Assert.Equal(["POST"], r.Content.Headers.Allow);
        var put = await Send(HttpMethod.Put, "/graphql", "{}");
        Assert.Equal(405, (int)put.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS", "POST"], put.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Head_answers_as_get_does_without_a_body_and_options_lists_the_methods()
    {
        const string url = "/graphql?query=%7Bstats%7Bentities%7D%7D";
        var get = await Send(HttpMethod.Get, url);
        var head = await Send(HttpMethod.Head, url);
        Assert.Equal(200, (int)head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        var options = await Send(HttpMethod.Options, "/graphql");
        Assert.Equal(204, (int)options.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS", "POST"], options.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task A_persisted_mutation_over_get_is_405_too()
    {
        var r = await Send(HttpMethod.Get, "/graphql?documentId=" + DocumentId("sneaky-mutation.graphql"));
        Assert.Equal(405, (int)r.StatusCode);
    }

    [Fact]
    public async Task Get_with_variables_and_a_persisted_document_answers_and_revalidates_with_304()
    {
        var url = "/graphql?documentId=" + DocumentId("entity-with-relations.graphql") + "&variables=" + Uri.EscapeDataString("""{"id":"wb3c"}""");
        var first = await Send(HttpMethod.Get, url);
        Assert.Equal(200, (int)first.StatusCode);
        Assert.Contains("Western Balkans Cyber Capacity Centre", await first.Content.ReadAsStringAsync());
        var etag = first.Headers.ETag!;
        Assert.Contains("must-revalidate", first.Headers.CacheControl!.ToString());

        Assert.Contains("Accept", first.Headers.Vary);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var second = await api.CreateClient().SendAsync(again);
        Assert.Equal(304, (int)second.StatusCode);

        using var weak = new HttpRequestMessage(HttpMethod.Get, url);
        weak.Headers.TryAddWithoutValidation("If-None-Match", "W/" + etag.Tag);
        Assert.Equal(304, (int)(await api.CreateClient().SendAsync(weak)).StatusCode);

        var other = await Send(HttpMethod.Get, url.Replace("wb3c", "kcss", StringComparison.Ordinal));
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task A_repeated_get_is_answered_from_the_response_cache_per_media_type_and_not_when_it_is_off()
    {
        const string url = "/graphql?query=%7Bentity(id:%22kcss%22)%7Bname%7D%7D";
        async Task<(int Calls, string Body, string? Type)> Twice(ApiFactory factory, string accept)
        {
            void Accept(HttpRequestMessage r) => r.Headers.Accept.ParseAdd(accept);
            await factory.GetAsync(url, Accept);
            var before = factory.Counting!.Calls;
            var second = await factory.GetAsync(url, Accept);
            return (factory.Counting.Calls - before, second.Body!.ToJsonString(), second.Response.Content.Headers.ContentType?.MediaType);
        }

        using var cached = new ApiFactory();
        var modern = await Twice(cached, "application/graphql-response+json");
        var legacy = await Twice(cached, "application/json");
        Assert.Equal((0, "application/graphql-response+json"), (modern.Calls, modern.Type));
        Assert.Equal((0, "application/json"), (legacy.Calls, legacy.Type));
        Assert.Contains("Kosovar Centre for Security Studies", modern.Body);

        using var uncached = new ApiFactory();
        uncached.Settings["Api:ResponseCacheBytes"] = "0";
        Assert.Equal(1, (await Twice(uncached, "application/graphql-response+json")).Calls);
    }

    [Fact]
    public async Task A_write_changes_the_etag_and_the_cached_answer_of_the_same_get()
    {
        using var own = new ApiFactory();
        const string url = "/graphql?query=%7Bstats%7Brelations%7D%7D";
        var before = await own.GetAsync(url);
        var again = await own.GetAsync(url); // from the response cache
        Assert.Equal(before.Body!.ToJsonString(), again.Body!.ToJsonString());
        Assert.Equal(before.Response.Headers.ETag, again.Response.Headers.ETag);
        await own.PostAsync("""mutation { retractRelation(id: "kcss-implements-ascend-wb6", reason: "test", sources: {ids: ["regional-qkss-ascend-project"]}) { id } }""", key: ApiFactory.Key);
        var after = await own.GetAsync(url);
        Assert.NotEqual(before.Response.Headers.ETag, after.Response.Headers.ETag);
        Assert.Equal(before.Body["data"]!["stats"]!["relations"]!.GetValue<int>() - 1, after.Body!["data"]!["stats"]!["relations"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_get_answer_with_errors_is_neither_tagged_nor_cached()
    {
        var r = await api.GetAsync("/graphql?query=" + Uri.EscapeDataString("""{ paths(from: "kcss", to: "atlantis") { length } }"""));
        Assert.Equal(200, r.Status);
        Assert.Null(r.Response.Headers.ETag);
        Assert.Null(r.Response.Headers.CacheControl);
    }

    [Theory]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000", 404)]
    [InlineData("md5:abc", 400)]
    public async Task Unknown_or_malformed_document_ids_are_refused(string documentId, int status)
    {
        var r = await Send(HttpMethod.Post, "/graphql", $$"""{"documentId":"{{documentId}}"}""");
        Assert.Equal(status, (int)r.StatusCode);
    }

    [Fact]
    public async Task Only_persisted_documents_can_be_required()
    {
        using var strict = new ApiFactory();
        strict.Settings["Api:OnlyPersistedDocuments"] = "true";
        var free = await strict.PostAsync("{ stats { entities } }");
        Assert.Equal(400, free.Status);
        var persisted = await strict.GetAsync("/graphql?documentId=" + DocumentId("entity-with-relations.graphql") + "&variables=%7B%22id%22%3A%22al%22%7D");
        Assert.Equal(200, persisted.Status);
    }

    [Fact]
    public async Task Get_can_require_a_preflight_header()
    {
        using var strict = new ApiFactory();
        strict.Settings["Api:RequirePreflightForGet"] = "true";
        Assert.Equal(400, (await strict.GetAsync("/graphql?query=%7Bstats%7Bentities%7D%7D")).Status);
        Assert.Equal(200, (await strict.GetAsync("/graphql?query=%7Bstats%7Bentities%7D%7D", r => r.Headers.Add("GraphQL-Require-Preflight", "1"))).Status);
    }

    [Fact]
    public async Task Too_deep_too_large_and_too_long_are_refused_with_a_code()
    {
        var deep = "{ entity(id: \"wb3c\") { " + string.Concat(Enumerable.Repeat("neighbours { ", 22)) + "id" + new string('}', 22) + " } }";
        var r = await api.PostAsync(deep);
        Assert.Equal(422, r.Status);
        Assert.Contains(r.Body!["errors"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("depth", StringComparison.OrdinalIgnoreCase));

        var huge = await Send(HttpMethod.Post, "/graphql", "{\"query\":\"{ stats { entities } }\",\"extensions\":{\"pad\":\"" + new string('x', 200_000) + "\"}}");
        Assert.Equal(413, (int)huge.StatusCode);

        var longDoc = "{ " + string.Concat(Enumerable.Repeat("stats { entities } ", 1500)) + "}";
        var tooLong = await api.PostAsync(longDoc);
        Assert.Equal(413, tooLong.Status);
        Assert.Equal("DOCUMENT_TOO_LARGE", tooLong.Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_ide_the_sdl_and_the_health_probes_answer()
    {
        var ide = await Send(HttpMethod.Get, "/graphql", accept: "text/html");
        Assert.Equal("text/html", ide.Content.Headers.ContentType!.MediaType);
        var html = await ide.Content.ReadAsStringAsync();
        Assert.True(ide.IsSuccessStatusCode ? html.Contains("graphiql", StringComparison.OrdinalIgnoreCase) : html.Contains("npm", StringComparison.Ordinal), html);
        var sdl = await (await Send(HttpMethod.Get, "/graphql/schema.graphql")).Content.ReadAsStringAsync();
        Assert.Contains("type Query", sdl);
        Assert.Equal(200, (int)(await Send(HttpMethod.Get, "/health/live")).StatusCode);
        Assert.Equal(200, (int)(await Send(HttpMethod.Get, "/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_with_the_reason_when_the_seeds_are_broken()
    {
        var broken = Directory.CreateTempSubdirectory("wb6-broken-seeds-");
        try
        {
            File.WriteAllText(Path.Combine(broken.FullName, "a.yaml"), "entities:\n  - {id: x, kind: Planet, name: X, sources: [s]}\n");
            using var app = new ApiFactory();
            app.Settings["GraphStore:SeedsDirectory"] = broken.FullName;
            var ready = await app.GetAsync("/health/ready");
            Assert.Equal(503, ready.Status);
            Assert.Contains("wb6graph validate", ready.Body!["reason"]!.GetValue<string>());
        }
        finally
        {
            broken.Delete(recursive: true);
        }
    }
}
