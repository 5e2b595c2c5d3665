using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Wb6Graph.Api.Http;

/// <summary>
/// Parsed documents by their text. Clients that pass arguments as variables send the same text every time, so after
/// the first request the parse is a dictionary lookup. Bounded in bytes (Api:DocumentCacheBytes), each entry charged
/// for its text and its syntax tree, so that many large distinct documents cannot hold more memory than that: when
/// a document would not fit, the cache starts over.
/// </summary>
internal sealed class DocumentCache(IOptions<ApiOptions> options)
{
    /// <summary>
    /// A parsed document's size per character of its text, measured (DocumentCacheTests): the text as UTF-16 and a
    /// syntax tree of 10-40 bytes a character (dense documents of short fields at the top).
    /// </summary>
    internal const int BytesPerCharacter = 48;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<GraphQLOperationDefinition, bool> _valid = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();
    private long _bytes;

    /// <summary>The bytes the kept documents are charged for.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _documents.Count;

    /// <summary>
    /// Whether this operation of a parsed document has passed the validation rules before; they depend on the document
    /// only. By operation, because field merging is checked for the operation that runs (the one that was priced).
    /// </summary>
    public bool IsValidated(GraphQLOperationDefinition operation) => _valid.ContainsKey(operation);

    public void MarkValidated(GraphQLOperationDefinition operation) => _valid.TryAdd(operation, true);

    public static long Charge(string text) => 256 + (long)text.Length * BytesPerCharacter;

    public GraphQLDocument Parse(string text)
    {
        if (_documents.TryGetValue(text, out var cached)) return cached;
        var document = Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments });
        var max = options.Value.DocumentCacheBytes;
        var charge = Charge(text);
        if (charge > max / 4) return document; // one huge document must not push out every dashboard's
        lock (_gate)
        {
            if (_bytes + charge > max)
            {
                _documents.Clear();
                _valid.Clear();
                _bytes = 0;
            }
            if (_documents.TryAdd(text, document)) _bytes += charge;
        }
        return document;
    }
}
