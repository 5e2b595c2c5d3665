using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;

namespace Wb6Graph.Api.Http;

/// <summary>
/// Parsed documents by their text. Clients that pass arguments as variables send the same text every time, so after
/// the first request the parse is a dictionary lookup. Bounded: when full, it starts over.
/// </summary>
internal sealed class DocumentCache
{
    private const int Capacity = 2_000;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public GraphQLDocument Parse(string text)
    {
        if (_documents.TryGetValue(text, out var cached)) return cached;
        var document = Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments });
        if (_documents.Count >= Capacity) _documents.Clear();
        _documents[text] = document;
        return document;
    }
}
