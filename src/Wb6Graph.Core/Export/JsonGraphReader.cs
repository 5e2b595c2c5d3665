using System.Globalization;
using System.Text.Json;
using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>Reads what <see cref="JsonGraphExporter"/> writes back into the records it was written from.</summary>
public static class JsonGraphReader
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="InvalidDataException">The stream is not a graph export; the message says which record and field.</exception>
    public static async Task<SeedGraph> ReadAsync(Stream input, CancellationToken ct = default)
    {
        GraphDto? dto;
        try
        {
            dto = await JsonSerializer.DeserializeAsync<GraphDto>(input, _options, ct);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a graph export: {e.Message}", e);
        }
        if (dto is null) throw new InvalidDataException("Not a graph export: the document is null.");

        return new SeedGraph(
            [.. (dto.Sources ?? []).Select((s, i) => ToSource(s, $"sources[{i}]"))],
            [.. (dto.Entities ?? []).Select((e, i) => ToEntity(e, $"entities[{i}]"))],
            [.. (dto.Relations ?? []).Select((r, i) => ToRelation(r, $"relations[{i}]"))]);
    }

    private static Entity ToEntity(EntityDto e, string at) => new(
        Required(e.Id, at, "id"),
        ParseEnum<EntityKind>(e.Kind, at, "kind"),
        Required(e.Name, at, "name"),
        e.Aliases ?? [],
        e.Country,
        e.Description,
        ToAttributes(e.Attributes, at),
        ParseDate(e.ValidFrom, at, "validFrom"),
        ParseDate(e.ValidTo, at, "validTo"),
        e.Sources ?? [],
        ParseOrigin(e.Origin, at));

    private static Relation ToRelation(RelationDto r, string at) => new(
        Required(r.Id, at, "id"),
        ParseEnum<RelationType>(r.Type, at, "type"),
        Required(r.From, at, "from"),
        Required(r.To, at, "to"),
        ParseDate(r.ValidFrom, at, "validFrom"),
        ParseDate(r.ValidTo, at, "validTo"),
        r.Role,
        ParseEnum<Confidence>(r.Confidence, at, "confidence"),
        ToAttributes(r.Attributes, at),
        r.Sources ?? [],
        r.Retracted is null ? null : new Retraction(
            Required(r.Retracted.Reason, at, "retracted.reason"),
            ParseTimestamp(r.Retracted.At, at),
            r.Retracted.Sources ?? []),
        ParseOrigin(r.Origin, at));

    private static Source ToSource(SourceDto s, string at) => new(
        Required(s.Id, at, "id"),
        Required(s.Title, at, "title"),
        s.Publisher,
        ParseDate(s.Published, at, "published"),
        s.Url,
        s.Document,
        ParseEnum<SourceKind>(s.Kind, at, "kind", ignoreCase: true),
        ParseDate(s.Retrieved, at, "retrieved"),
        ParseOrigin(s.Origin, at));

    private static IReadOnlyList<AttributeValue> ToAttributes(List<AttributeDto>? attributes, string at) =>
        [.. (attributes ?? []).Select((a, i) => new AttributeValue(
            Required(a.Key, at, $"attributes[{i}].key"),
            ParseEnum<AttributeType>(a.Type, at, $"attributes[{i}].type"),
            a.Value ?? ""))];

    private static string Required(string? value, string at, string field) =>
        value ?? throw new InvalidDataException($"{at}.{field}: required");

    private static Origin ParseOrigin(string? text, string at) =>
        text is null ? Origin.Seed : ParseEnum<Origin>(text, at, "origin", ignoreCase: true);

    private static T ParseEnum<T>(string? text, string at, string field, bool ignoreCase = false)
        where T : struct, Enum
    {
        // Enum.TryParse also takes "3" and "1,2"; an export only ever holds names.
        if (text is { Length: > 0 } && char.IsLetter(text[0]) && !text.Contains(',')
            && Enum.TryParse<T>(text, ignoreCase, out var value) && Enum.IsDefined(value))
            return value;
        throw new InvalidDataException($"{at}.{field}: '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }

    private static DateOnly? ParseDate(string? text, string at, string field)
    {
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidDataException($"{at}.{field}: '{text}' is not a YYYY-MM-DD date");
    }

    private static DateTimeOffset ParseTimestamp(string? text, string at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value
            : throw new InvalidDataException($"{at}.retracted.at: '{text}' is not an ISO 8601 timestamp");

    // Plain string fields so that a bad enum or date is reported with its record, not as a bare JsonException.
    private sealed record GraphDto(List<EntityDto>? Entities, List<RelationDto>? Relations, List<SourceDto>? Sources);

    private sealed record EntityDto(
        string? Id, string? Kind, string? Name, List<string>? Aliases, string? Country, string? Description,
        List<AttributeDto>? Attributes, string? ValidFrom, string? ValidTo, List<string>? Sources, string? Origin);

    private sealed record RelationDto(
        string? Id, string? Type, string? From, string? To, string? ValidFrom, string? ValidTo, string? Role,
        string? Confidence, List<AttributeDto>? Attributes, List<string>? Sources, RetractionDto? Retracted, string? Origin);

    private sealed record RetractionDto(string? Reason, string? At, List<string>? Sources);

    private sealed record SourceDto(
        string? Id, string? Title, string? Publisher, string? Published, string? Url, string? Document,
        string? Kind, string? Retrieved, string? Origin);

    private sealed record AttributeDto(string? Key, string? Type, string? Value);
}
