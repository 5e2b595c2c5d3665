using System.Text.Encodings.Web;
using System.Text.Json;
using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>
/// <c>{ "entities": [...], "relations": [...], "absences": [...], "sources": [...] }</c> with camelCase fields, dates at their
/// precision (2024-06-11, 2013-02, 2010), enums by name, and citations as a source id or {source, locator, note};
/// <see cref="JsonGraphReader"/> reads it back record for record.
/// </summary>
public sealed class JsonGraphExporter : IGraphExporter
{
    // Flushing at this size keeps memory flat however large the graph is.
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions _options = new()
    {
        Indented = false,
        // The output is a file, not HTML: keep non-ASCII names (Shqipëria, Србија) readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public async Task WriteAsync(GraphData data, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        var counter = new ProgressCounter(progress);
        await using var json = new Utf8JsonWriter(output, _options);
        json.WriteStartObject();

        json.WriteStartArray("entities");
        await foreach (var entity in data.Entities.WithCancellation(ct))
        {
            WriteEntity(json, entity);
            counter.Increment();
            if (json.BytesPending > FlushThreshold) await json.FlushAsync(ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("relations");
        await foreach (var relation in data.Relations.WithCancellation(ct))
        {
            WriteRelation(json, relation);
            counter.Increment();
            if (json.BytesPending > FlushThreshold) await json.FlushAsync(ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("absences");
        await foreach (var absence in data.Absences.WithCancellation(ct))
        {
            WriteAbsence(json, absence);
            counter.Increment();
            if (json.BytesPending > FlushThreshold) await json.FlushAsync(ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("sources");
        await foreach (var source in data.Sources.WithCancellation(ct))
        {
            WriteSource(json, source);
            counter.Increment();
            if (json.BytesPending > FlushThreshold) await json.FlushAsync(ct);
        }
        json.WriteEndArray();

        json.WriteEndObject();
        await json.FlushAsync(ct);
        counter.Complete();
    }

    private static void WriteEntity(Utf8JsonWriter json, Entity e)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Id);
        json.WriteString("kind", e.Kind.ToString());
        json.WriteString("name", e.Name);
        WriteStrings(json, "aliases", e.Aliases);
        json.WriteString("country", e.Country);
        json.WriteString("description", e.Description);
        WriteAttributes(json, e.Attributes);
        WriteDate(json, "validFrom", e.ValidFrom);
        WriteDate(json, "validTo", e.ValidTo);
        WriteCitations(json, "sources", e.Sources);
        json.WriteString("origin", e.Origin.ToString());
        json.WriteEndObject();
    }

    private static void WriteRelation(Utf8JsonWriter json, Relation r)
    {
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("type", r.Type.ToString());
        json.WriteString("from", r.From);
        json.WriteString("to", r.To);
        WriteDate(json, "occurredOn", r.OccurredOn);
        WriteDate(json, "validFrom", r.ValidFrom);
        WriteDate(json, "validTo", r.ValidTo);
        WriteDate(json, "attestedOn", r.AttestedOn);
        json.WriteString("role", r.Role);
        json.WriteString("alignment", r.Alignment?.ToString().ToUpperInvariant());
        json.WriteString("confidence", r.Confidence.ToString());
        WriteAttributes(json, r.Attributes);
        WriteCitations(json, "sources", r.Sources);
        if (r.Retracted is { } retracted)
        {
            json.WriteStartObject("retracted");
            json.WriteString("reason", retracted.Reason);
            json.WriteString("at", ExportText.Timestamp(retracted.At));
            WriteCitations(json, "sources", retracted.Sources);
            json.WriteEndObject();
        }
        json.WriteString("origin", r.Origin.ToString());
        json.WriteEndObject();
    }

    private static void WriteAbsence(Utf8JsonWriter json, Absence a)
    {
        json.WriteStartObject();
        json.WriteString("id", a.Id);
        json.WriteString("from", a.From);
        json.WriteString("type", a.Type.ToString());
        json.WriteString("to", a.To);
        json.WriteString("kind", a.Kind?.ToString());
        json.WriteString("role", a.Role);
        WriteDate(json, "validFrom", a.ValidFrom);
        WriteDate(json, "validTo", a.ValidTo);
        json.WriteString("confidence", a.Confidence.ToString());
        json.WriteString("note", a.Note);
        WriteCitations(json, "sources", a.Sources);
        json.WriteString("origin", a.Origin.ToString());
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, Source s)
    {
        json.WriteStartObject();
        json.WriteString("id", s.Id);
        json.WriteString("title", s.Title);
        json.WriteString("publisher", s.Publisher);
        WriteDate(json, "published", s.Published);
        json.WriteString("url", s.Url);
        json.WriteString("document", s.Document);
        json.WriteString("kind", ExportText.Kind(s.Kind));
        json.WriteString("language", s.Language);
        WriteDate(json, "retrieved", s.Retrieved);
        json.WriteString("origin", s.Origin.ToString());
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? day)
    {
        if (day is null) json.WriteNull(name);
        else json.WriteString(name, Dates.Format(day.Value));
    }

    private static void WriteDate(Utf8JsonWriter json, string name, PartialDate? date)
    {
        if (date is null) json.WriteNull(name);
        else json.WriteString(name, date.Value.ToString());
    }

    /// <summary>Each citation as its source id, or as {source, locator, note} when it says where and what.</summary>
    private static void WriteCitations(Utf8JsonWriter json, string name, IReadOnlyList<Citation> citations)
    {
        json.WriteStartArray(name);
        foreach (var c in citations)
        {
            if (c.Locator is null && c.Note is null)
            {
                json.WriteStringValue(c.Source);
                continue;
            }
            json.WriteStartObject();
            json.WriteString("source", c.Source);
            if (c.Locator is not null) json.WriteString("locator", c.Locator);
            if (c.Note is not null) json.WriteString("note", c.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items) json.WriteStringValue(item);
        json.WriteEndArray();
    }

    private static void WriteAttributes(Utf8JsonWriter json, IReadOnlyList<AttributeValue> attributes)
    {
        json.WriteStartArray("attributes");
        foreach (var a in attributes)
        {
            json.WriteStartObject();
            json.WriteString("key", a.Key);
            json.WriteString("type", a.Type.ToString());
            json.WriteString("value", a.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
