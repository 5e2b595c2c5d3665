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
    private readonly ConcurrentDictionary<GraphQLDocument, bool> _valid = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether this parsed document has passed the spec's validation rules before; they depend on the document only.</summary>
    public bool IsValidated(GraphQLDocument document) => _valid.ContainsKey(document);

    public void MarkValidated(GraphQLDocument document) => _valid.TryAdd(document, true);

    public GraphQLDocument Parse(string text)
    {
        if (_documents.TryGetValue(text, out var cached)) return cached;
        var document = Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments });
        if (_documents.Count >= Capacity)
        {
            _documents.Clear();
            _valid.Clear();
        }
        _documents[text] = document;
        return document;
    }
}
