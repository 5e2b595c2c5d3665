using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Api;

/// <summary>The explorer's files: compressed when the browser can read it, and never used stale after an upgrade.</summary>
public sealed class StaticAssetsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<HttpResponseMessage> Get(string url, string? encoding = null, EntityTagHeaderValue? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
        if (etag is not null) request.Headers.IfNoneMatch.Add(etag);
        return await api.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_module_comes_compressed_and_decompresses_to_the_file(string encoding)
    {
        var response = await Get("/explorer/main.js", encoding);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsStreamAsync();
        await using Stream plain = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
        var text = await new StreamReader(plain).ReadToEndAsync();
        Assert.Equal(await File.ReadAllTextAsync(Repo.Path("src/Wb6Graph.Api/wwwroot/explorer/main.js")), text);
    }

    [Fact]
    public async Task The_page_and_its_files_are_revalidated_and_an_unchanged_one_costs_a_304()
    {
        foreach (var url in new[] { "/", "/explorer/main.js", "/explorer/explorer.css" })
        {
            var first = await Get(url, "br");
            Assert.True(first.Headers.CacheControl?.NoCache, $"{url}: Cache-Control is '{first.Headers.CacheControl}', not no-cache");
            Assert.NotNull(first.Headers.ETag);
            var again = await Get(url, "br", first.Headers.ETag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_file_that_may_come_compressed_has_a_weak_ETag_in_every_form_and_either_revalidates()
    {
        var plain = await Get("/explorer/main.js");
        var compressed = await Get("/explorer/main.js", "br");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        // A strong tag would name one sequence of bytes, and these are two.
        Assert.Equal(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.True(compressed.Headers.ETag!.IsWeak, $"a compressed body: {compressed.Headers.ETag}");

        var notModified = await Get("/explorer/main.js", "br", plain.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(compressed.Headers.ETag, notModified.Headers.ETag);
        // Each form says it depends on Accept-Encoding, once.
        foreach (var response in new[] { plain, compressed, notModified })
            Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, (await Get("/explorer/main.js", "br", new EntityTagHeaderValue("\"other\"", isWeak: true))).StatusCode);
    }

    [Fact]
    public async Task A_GraphQL_answer_is_not_compressed_so_that_its_ETag_names_one_body()
    {
        var response = await Get("/graphql?query=%7B%20stats%20%7B%20entities%20%7D%20%7D", "br, gzip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.NotNull(response.Headers.ETag);
    }
}
