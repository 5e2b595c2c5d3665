using System.Globalization;
using System.Text.Json;
using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Neo4j;

/// <summary>
/// Our records to Neo4j properties and back. Dates keep their precision as written ('2024', '2024-06', '2024-06-11');
/// beside them, 'since' and 'until' are the days ('YYYY-MM-DD', absent when open) between which an entity may exist or a
/// relation may count (an act from its date on, a state from its start to its end), so validity filters are string
/// comparisons. Attributes, citations and retractions are JSON strings, since Neo4j properties cannot hold maps.
/// Nodes and relationships may be given as the Query API returns them (with "properties") or as bare property maps.
/// </summary>
public static class Neo4jMapping
{
    public static Entity ToEntity(JsonElement node)
    {
        var p = Props(node);
        return new Entity(
            Req(p, "id"),
            Enum.Parse<EntityKind>(Req(p, "kind")),
            Req(p, "name"),
            Strings(p, "aliases"),
            Str(p, "country"),
            Str(p, "description"),
            ParseAttributes(Str(p, "attributes")),
            Date(p, "validFrom"),
            Date(p, "validTo"),
            Citations(p),
            ParseOrigin(p));
    }

    /// <summary>A relationship; its ends are given as our ids because Neo4j's element ids are not stable.</summary>
    public static Relation ToRelation(JsonElement rel, string fromId, string toId)
    {
        var p = Props(rel);
        var typeName = rel.ValueKind == JsonValueKind.Object && rel.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : Str(p, "type");
        if (!Vocabulary.TryParseType(typeName, out var type))
            throw new Neo4jException(Neo4jException.ProtocolError, $"relationship '{Str(p, "id")}' has type '{typeName}', which is not in the vocabulary");
        return new Relation(
            Req(p, "id"),
            type,
            fromId,
            toId,
            Date(p, "validFrom"),
            Date(p, "validTo"),
            Str(p, "role"),
            Enum.Parse<Confidence>(Str(p, "confidence") ?? "M"),
            ParseAttributes(Str(p, "attributes")),
            Citations(p),
            ParseRetraction(Str(p, "retraction")),
            ParseOrigin(p))
        {
            OccurredOn = Date(p, "occurredOn"),
            AttestedOn = Date(p, "attestedOn"),
            Alignment = Str(p, "alignment") is { } a ? Enum.Parse<Alignment>(a) : null,
        };
    }

    public static Absence ToAbsence(JsonElement node)
    {
        var p = Props(node);
        return new Absence(
            Req(p, "id"),
            Str(p, "from"),
            Enum.Parse<RelationType>(Req(p, "type")),
            Str(p, "to"),
            Str(p, "kind") is { } k ? Enum.Parse<EntityKind>(k) : null,
            Date(p, "validFrom"),
            Date(p, "validTo"),
            Enum.Parse<Confidence>(Str(p, "confidence") ?? "M"),
            Citations(p),
            Str(p, "note"),
            ParseOrigin(p))
        {
            Role = Str(p, "role"),
        };
    }

    public static Source ToSource(JsonElement node)
    {
        var p = Props(node);
        return new Source(
            Req(p, "id"),
            Req(p, "title"),
            Str(p, "publisher"),
            Date(p, "published"),
            Str(p, "url"),
            Str(p, "document"),
            Enum.Parse<SourceKind>(Str(p, "kind") ?? nameof(SourceKind.Secondary)),
            Day(p, "retrieved"),
            ParseOrigin(p))
        {
            Language = Str(p, "language"),
        };
    }

    /// <summary>The label an entity of this kind carries besides Entity; only enum names ever reach Cypher.</summary>
    public static string Label(EntityKind kind) => kind.ToString();

    /// <summary>The relationship type of a relation; only enum names ever reach Cypher.</summary>
    public static string TypeName(RelationType type) => type.ToString();

    public static string? Format(DateOnly? day) => day is { } d ? Dates.Format(d) : null;

    public static string? Format(PartialDate? date) => date?.ToString();

    /// <summary>The first day a fact may count, as Cypher compares it.</summary>
    public static string? Since(PartialDate? start) => start is { } d ? Dates.Format(d.First) : null;

    /// <summary>The first day it certainly no longer counts (the last day of an imprecise end).</summary>
    public static string? Until(PartialDate? end) => end is { } d ? Dates.Format(d.Last) : null;


    public static Dictionary<string, object?> EntityProps(Entity e)
    {
        var search = TextSearch.Fields.Of(e);
        return new()
        {
            ["id"] = e.Id,
            ["kind"] = e.Kind.ToString(),
            ["name"] = e.Name,
            ["aliases"] = e.Aliases,
            ["searchKeys"] = search.Keys,
            ["searchNames"] = search.Names,
            ["searchAliases"] = search.Aliases,
            ["searchOther"] = search.Other,
            ["searchText"] = search.All,
            ["country"] = e.Country,
            ["description"] = e.Description,
            ["attributes"] = AttributesJson(e.Attributes),
            ["sources"] = e.Sources.Select(c => c.Source).ToList(),
            ["citations"] = CitationsJson(e.Sources),
            ["validFrom"] = Format(e.ValidFrom),
            ["validTo"] = Format(e.ValidTo),
            ["since"] = Since(e.ValidFrom),
            ["until"] = Until(e.ValidTo),
            ["origin"] = e.Origin.ToString(),
        };
    }

    public static Dictionary<string, object?> RelationProps(Relation r) => new()
    {
        ["id"] = r.Id,
        ["validFrom"] = Format(r.ValidFrom),
        ["validTo"] = Format(r.ValidTo),
        ["occurredOn"] = Format(r.OccurredOn),
        ["attestedOn"] = Format(r.AttestedOn),
        ["act"] = r.IsAct,
        ["since"] = Since(r.Start),
        ["until"] = Until(r.End),
        ["alignment"] = r.Alignment?.ToString(),
        ["role"] = r.Role,
        ["confidence"] = r.Confidence.ToString(),
        ["sources"] = r.Sources.Select(c => c.Source).ToList(),
        ["citations"] = CitationsJson(r.Sources),
        ["attributes"] = AttributesJson(r.Attributes),
        ["retracted"] = r.Retracted is not null,
        ["retraction"] = r.Retracted is { } x ? JsonSerializer.Serialize(new RetractionJson(x.Reason, x.At.ToString("O", CultureInfo.InvariantCulture), x.Sources.Select(c => c.Source).ToList()), Neo4jJson.Options) : null,
        ["origin"] = r.Origin.ToString(),
    };

    public static Dictionary<string, object?> SourceProps(Source s) => new()
    {
        ["id"] = s.Id,
        ["title"] = s.Title,
        ["publisher"] = s.Publisher,
        ["published"] = Format(s.Published),
        ["url"] = s.Url,
        ["document"] = s.Document,
        ["kind"] = s.Kind.ToString(),
        ["retrieved"] = Format(s.Retrieved),
        ["language"] = s.Language,
        ["origin"] = s.Origin.ToString(),
    };

    public static Dictionary<string, object?> AbsenceProps(Absence a) => new()
    {
        ["id"] = a.Id,
        ["from"] = a.From,
        ["type"] = a.Type.ToString(),
        ["to"] = a.To,
        ["kind"] = a.Kind?.ToString(),
        ["validFrom"] = Format(a.ValidFrom),
        ["validTo"] = Format(a.ValidTo),
        ["since"] = Since(a.ValidFrom),
        ["until"] = Until(a.ValidTo),
        ["confidence"] = a.Confidence.ToString(),
        ["sources"] = a.Sources.Select(c => c.Source).ToList(),
        ["citations"] = CitationsJson(a.Sources),
        ["note"] = a.Note,
        ["role"] = a.Role,
        ["origin"] = a.Origin.ToString(),
    };

    /// <summary>Citations with a locator or note, as JSON; null when every citation is a bare id (the 'sources' list says it all).</summary>
    public static string? CitationsJson(IReadOnlyList<Citation> citations) =>
        citations.All(c => c.Locator is null && c.Note is null)
            ? null
            : JsonSerializer.Serialize(citations.Select(c => new CitationJson(c.Source, c.Locator, c.Note)), Neo4jJson.Options);

    private static IReadOnlyList<Citation> Citations(JsonElement p) =>
        Str(p, "citations") is { Length: > 0 } json
            ? (JsonSerializer.Deserialize<List<CitationJson>>(json, Neo4jJson.Options) ?? []).Select(c => new Citation(c.Source, c.Locator, c.Note)).ToList()
            : Strings(p, "sources").Select(id => new Citation(id)).ToList();

    public static string AttributesJson(IReadOnlyList<AttributeValue> attributes) =>
        JsonSerializer.Serialize(attributes.Select(a => new AttributeJson(a.Key, a.Type.ToString(), a.Value)), Neo4jJson.Options);

    private static IReadOnlyList<AttributeValue> ParseAttributes(string? json) =>
        string.IsNullOrEmpty(json)
            ? []
            : (JsonSerializer.Deserialize<List<AttributeJson>>(json, Neo4jJson.Options) ?? [])
                .Select(a => new AttributeValue(a.Key, Enum.Parse<AttributeType>(a.Type), a.Value)).ToList();

    private static Retraction? ParseRetraction(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        var r = JsonSerializer.Deserialize<RetractionJson>(json, Neo4jJson.Options)!;
        return new Retraction(r.Reason, DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture), r.Sources.Select(id => new Citation(id)).ToList());
    }

    private static Origin ParseOrigin(JsonElement p) => Str(p, "origin") == nameof(Origin.User) ? Origin.User : Origin.Seed;

    private static JsonElement Props(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : e;

    private static string? Str(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Req(JsonElement p, string name) =>
        Str(p, name) ?? throw new Neo4jException(Neo4jException.ProtocolError, $"a value read from Neo4j has no '{name}' property: {Short(p)}");

    private static IReadOnlyList<string> Strings(JsonElement p, string name) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
            : [];

    private static PartialDate? Date(JsonElement p, string name) =>
        Str(p, name) is { } text && PartialDate.TryParse(text[..Math.Min(10, text.Length)], out var d) ? d : null;

    private static DateOnly? Day(JsonElement p, string name) =>
        Str(p, name) is { } text && DateOnly.TryParseExact(text[..Math.Min(10, text.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Short(JsonElement p)
    {
        var text = p.GetRawText();
        return text.Length <= 200 ? text : text[..200] + "...";
    }

    private sealed record AttributeJson(string Key, string Type, string Value);

    private sealed record RetractionJson(string Reason, string At, IReadOnlyList<string> Sources);

    private sealed record CitationJson(string Source, string? Locator, string? Note);
}
