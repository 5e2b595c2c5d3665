using Microsoft.Extensions.Options;
using Wb6Graph.Api.Http;

namespace Wb6Graph.Tests.Api;

/// <summary>
/// The document cache is bounded in bytes and in entries, parsed and registered documents together, and charges a
/// document at least what its parse holds.
/// </summary>
public sealed class DocumentCacheTests
{
    private static string Dense(int i) =>
        "{ " + string.Join(' ', Enumerable.Range(0, 2_000).Select(j => $"a{j}:id")) + $" x{i}: __typename }}"; // about 20 kB

    [Fact]
    public void Two_thousand_distinct_20_kB_documents_stay_within_the_byte_bound()
    {
        var cache = new DocumentCache(Options.Create(new ApiOptions { DocumentCacheBytes = 8 * 1024 * 1024 }));
        for (var i = 0; i < 2_000; i++)
        {
            cache.Parse(Dense(i));
            Assert.True(cache.Bytes <= 8 * 1024 * 1024, $"{cache.Bytes} bytes after {i + 1} documents");
        }
        Assert.InRange(cache.Count, 1, 8 * 1024 * 1024 / DocumentCache.Charge(Dense(0)));
    }

    [Fact]
    public void A_document_is_charged_at_least_what_its_text_and_parse_allocate()
    {
        var text = Dense(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var document = GraphQLParser.Parser.Parse(text, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        var parsed = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(document);
        Assert.True(DocumentCache.Charge(text) >= parsed + 2L * text.Length, $"charged {DocumentCache.Charge(text)}, parse allocated {parsed} for {text.Length} characters");
    }

    [Fact]
    public void Repeated_documents_are_parsed_once()
    {
        var cache = new DocumentCache(Options.Create(new ApiOptions()));
        Assert.Same(cache.Parse("{ stats { entities } }"), cache.Parse("{ stats { entities } }"));
    }

    [Fact]
    public void Registered_documents_share_the_bounds_in_bytes_and_entries_with_parsed_ones()
    {
        var cache = new DocumentCache(Options.Create(new ApiOptions { DocumentCacheBytes = 4 * 1024 * 1024, DocumentCacheEntries = 500 }));
        for (var i = 0; i < 2_000; i++)
        {
            var text = i % 2 == 0 ? Dense(i) : $"{{ stats {{ entities }} }} # {i}";
            cache.Register(i.ToString("x64"), text);
            cache.Parse(text);
            Assert.True(cache.Bytes <= 4 * 1024 * 1024 && cache.Count <= 500, $"{cache.Bytes} bytes, {cache.Count} entries after {i + 1} documents");
        }
        var last = 1_999.ToString("x64");
        Assert.Equal("{ stats { entities } } # 1999", cache.Registered(last));
        Assert.Null(cache.Registered(0.ToString("x64"))); // long gone: the cache started over
    }

    [Fact]
    public void Nothing_is_registered_when_the_bound_is_zero()
    {
        var cache = new DocumentCache(Options.Create(new ApiOptions { DocumentCacheEntries = 0 }));
        cache.Register(new string('a', 64), "{ stats { entities } }");
        Assert.Equal((0, null), (cache.Count, cache.Registered(new string('a', 64))));
    }
}
