using Wb6Graph.Model;

namespace Wb6Graph.Tests.Support;

/// <summary>
/// Test graphs in a line: <c>new GraphBuilder().Source("s1").Entity("fr").Entity("wb3c").Relation("fr", "FOUNDED", "wb3c").Build()</c>.
/// Every field has a default, so a test names only what it is about. Facts cite the first source unless told otherwise,
/// and <see cref="Build"/> adds that source if the test declared none.
/// </summary>
public sealed class GraphBuilder
{
    public const string DefaultSource = "src-test";

    private readonly List<Source> _sources = [];
    private readonly List<Entity> _entities = [];
    private readonly List<Relation> _relations = [];

    public GraphBuilder Source(
        string id,
        string? title = null,
        SourceKind kind = SourceKind.Official,
        string? publisher = "Test Publisher",
        DateOnly? published = null,
        string? url = null,
        string? document = null,
        DateOnly? retrieved = null,
        Origin origin = Origin.Seed)
    {
        _sources.Add(new Source(id, title ?? $"Source {id}", publisher, published, url ?? $"https://example.org/{id}", document, kind, retrieved, origin));
        return this;
    }

    public GraphBuilder Source(Source source)
    {
        _sources.Add(source);
        return this;
    }

    public GraphBuilder Entity(
        string id,
        EntityKind kind = EntityKind.NationalAuthority,
        string? name = null,
        string? country = null,
        string? description = null,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        IReadOnlyList<string>? aliases = null,
        IReadOnlyList<AttributeValue>? attributes = null,
        IReadOnlyList<string>? sources = null,
        Origin origin = Origin.Seed)
    {
        _entities.Add(new Entity(
            id, kind, name ?? id.ToUpperInvariant(), aliases ?? [], country, description, attributes ?? [],
            validFrom, validTo, sources ?? [FirstSource], origin));
        return this;
    }

    public GraphBuilder Entity(Entity entity)
    {
        _entities.Add(entity);
        return this;
    }

    /// <summary>A relation; the type is given by name, as tests read better with the vocabulary's words.</summary>
    public GraphBuilder Relation(
        string from,
        string type,
        string to,
        string? id = null,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        string? role = null,
        Confidence confidence = Confidence.H,
        IReadOnlyList<AttributeValue>? attributes = null,
        IReadOnlyList<string>? sources = null,
        Retraction? retracted = null,
        Origin origin = Origin.Seed)
    {
        var relationType = Vocabulary.TryParseType(type, out var t) ? t : throw new ArgumentException($"Unknown relation type '{type}'", nameof(type));
        _relations.Add(new Relation(
            id ?? $"{from}-{type.ToLowerInvariant().Replace('_', '-')}-{to}", relationType, from, to, validFrom, validTo, role,
            confidence, attributes ?? [], sources ?? [FirstSource], retracted, origin));
        return this;
    }

    public GraphBuilder Relation(Relation relation)
    {
        _relations.Add(relation);
        return this;
    }

    public SeedGraph Build()
    {
        var sources = _sources.Count == 0 && (_entities.Count > 0 || _relations.Count > 0)
            ? [new Source(DefaultSource, "Test source", "Test Publisher", null, "https://example.org/test", null, SourceKind.Official)]
            : _sources.ToList();
        return new SeedGraph(sources, [.. _entities], [.. _relations]);
    }

    private string FirstSource => _sources.Count > 0 ? _sources[0].Id : DefaultSource;
}
