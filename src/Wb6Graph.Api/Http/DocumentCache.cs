using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Wb6Graph.Api.Http;

/// <summary>
/// Parsed documents by their text, and the documents clients registered over automatic persisted queries by their
/// SHA-256. Clients that pass arguments as variables send the same text every time, so after the first request the
/// parse is a dictionary lookup. Both kinds of entry share one bound in bytes (Api:DocumentCacheBytes), each charged
/// for what it holds, and one in entries (Api:DocumentCacheEntries), so that many large or many small distinct
/// documents cannot hold more memory than that: when an entry would not fit, the cache starts over (and clients of
/// automatic persisted queries register their documents again, as the protocol has them do).
/// </summary>
internal sealed class DocumentCache(IOptions<ApiOptions> options)
{
    /// <summary>
    /// A parsed document's size per character of its text, measured (DocumentCacheTests): the text as UTF-16 and a
    /// syntax tree of 10-40 bytes a character (dense documents of short fields at the top).
    /// </summary>
    internal const int BytesPerCharacter = 48;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _registered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<GraphQLOperationDefinition, bool> _valid = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();
    private long _bytes;
    private int _entries;

    /// <summary>The bytes the kept documents are charged for.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The entries kept: parsed documents and registered ones.</summary>
    public int Count => Volatile.Read(ref _entries);

    /// <summary>
    /// Whether this operation of a parsed document has passed the validation rules before; they depend on the document
    /// only. By operation, because field merging is checked for the operation that runs (the one that was priced).
    /// </summary>
    public bool IsValidated(GraphQLOperationDefinition operation) => _valid.ContainsKey(operation);

    public void MarkValidated(GraphQLOperationDefinition operation) => _valid.TryAdd(operation, true);

    public static long Charge(string text) => 256 + (long)text.Length * BytesPerCharacter;

    /// <summary>A registered document: its text as UTF-16, its hash and the dictionary's entry.</summary>
    public static long RegistrationCharge(string text) => 256 + 64 * 2 + (long)text.Length * 2;

    public GraphQLDocument Parse(string text)
    {
        if (_documents.TryGetValue(text, out var cached)) return cached;
        var document = Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments });
        Keep(Charge(text), () => _documents.TryAdd(text, document));
        return document;
    }

    /// <summary>The text registered under a SHA-256 (64 lowercase hex digits), or null.</summary>
    public string? Registered(string sha256) => _registered.GetValueOrDefault(sha256);

    /// <summary>Registers a document under its SHA-256, which the caller has checked.</summary>
    public void Register(string sha256, string text)
    {
        if (_registered.ContainsKey(sha256)) return;
        Keep(RegistrationCharge(text), () => _registered.TryAdd(sha256, text));
    }

    private void Keep(long charge, Func<bool> add)
    {
        var o = options.Value;
        // One huge document must not push out every dashboard's; a bound of 0 keeps nothing.
        if (charge > o.DocumentCacheBytes / 4 || o.DocumentCacheEntries == 0) return;
        lock (_gate)
        {
            if (_bytes + charge > o.DocumentCacheBytes || _entries >= o.DocumentCacheEntries)
            {
                _documents.Clear();
                _registered.Clear();
                _valid.Clear();
                _bytes = 0;
                _entries = 0;
            }
            if (add())
            {
                _bytes += charge;
                _entries++;
            }
        }
    }
}
