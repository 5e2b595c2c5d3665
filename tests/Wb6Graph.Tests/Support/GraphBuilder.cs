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
    private readonly List<Absence> _absences = [];

    public GraphBuilder Source(
        string id,
        string? title = null,
        SourceKind kind = SourceKind.Official,
        string? publisher = "Test Publisher",
        PartialDate? published = null,
        string? url = null,
        string? document = null,
        DateOnly? retrieved = null,
        Origin origin = Origin.Seed,
        string? language = null)
    {
        _sources.Add(new Source(id, title ?? $"Source {id}", publisher, published, url ?? $"https://example.org/{id}", document, kind, retrieved, origin)
        {
            Language = language,
        });
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
        PartialDate? validFrom = null,
        PartialDate? validTo = null,
        IReadOnlyList<string>? aliases = null,
        IReadOnlyList<AttributeValue>? attributes = null,
        IReadOnlyList<string>? sources = null,
        Origin origin = Origin.Seed)
    {
        _entities.Add(new Entity(
            id, kind, name ?? id.ToUpperInvariant(), aliases ?? [], country, description, attributes ?? [],
            validFrom, validTo, Cite(sources), origin));
        return this;
    }

    public GraphBuilder Entity(Entity entity)
    {
        _entities.Add(entity);
        return this;
    }

    /// <summary>
    /// A relation; the type is given by name, as tests read better with the vocabulary's words. For an act,
    /// <paramref name="validFrom"/> is the day it occurred (an act has no end).
    /// </summary>
    public GraphBuilder Relation(
        string from,
        string type,
        string to,
        string? id = null,
        PartialDate? validFrom = null,
        PartialDate? validTo = null,
        string? role = null,
        Confidence confidence = Confidence.H,
        IReadOnlyList<AttributeValue>? attributes = null,
        IReadOnlyList<string>? sources = null,
        Retraction? retracted = null,
        Origin origin = Origin.Seed)
    {
        var relationType = Vocabulary.TryParseType(type, out var t) ? t : throw new ArgumentException($"Unknown relation type '{type}'", nameof(type));
        var act = Vocabulary.Info(relationType).IsAct;
        if (act && validTo is not null) throw new ArgumentException($"{type} is an act: it has no validTo", nameof(validTo));
        _relations.Add(new Relation(
            id ?? $"{from}-{type.ToLowerInvariant().Replace('_', '-')}-{to}", relationType, from, to, act ? null : validFrom, validTo, role,
            confidence, attributes ?? [], Cite(sources), retracted, origin) { OccurredOn = act ? validFrom : null });
        return this;
    }

    public GraphBuilder Relation(Relation relation)
    {
        _relations.Add(relation);
        return this;
    }

    /// <summary>A documented absence: no <paramref name="type"/> from <paramref name="from"/> (to <paramref name="to"/>, or of that role) from the date on.</summary>
    public GraphBuilder Absence(string? from, string type, string? to = null, PartialDate? validFrom = null, PartialDate? validTo = null,
        string? role = null, string? id = null, EntityKind? kind = null)
    {
        var relationType = Vocabulary.TryParseType(type, out var t) ? t : throw new ArgumentException($"Unknown relation type '{type}'", nameof(type));
        _absences.Add(new Absence(id ?? $"no-{from ?? "any"}-{type.ToLowerInvariant().Replace('_', '-')}-{to ?? "any"}", from, relationType, to, kind,
            validFrom ?? new PartialDate(2000), validTo, Confidence.H, Cite(null)) { Role = role });
        return this;
    }

    public SeedGraph Build()
    {
        var sources = _sources.Count == 0 && (_entities.Count > 0 || _relations.Count > 0)
            ? [new Source(DefaultSource, "Test source", "Test Publisher", null, "https://example.org/test", null, SourceKind.Official)]
            : _sources.ToList();
        return new SeedGraph(sources, [.. _entities], [.. _relations]) { Absences = [.. _absences] };
    }

    private string FirstSource => _sources.Count > 0 ? _sources[0].Id : DefaultSource;

    private List<Citation> Cite(IReadOnlyList<string>? sources) => (sources ?? [FirstSource]).Select(s => new Citation(s)).ToList();
}
