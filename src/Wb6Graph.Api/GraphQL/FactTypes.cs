using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Model;

namespace Wb6Graph.Api.GraphQL;

internal sealed class EntityGraphType : ObjectGraphType<Entity>
{
    public EntityGraphType()
    {
        Name = "Entity";
        Description = "An institution, country, person, event, document or network of the graph.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable lower-kebab id: countries by ISO code (al, xk), bodies by acronym (enisa, wb3c).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EntityKindGraphType>>("kind").Description("What the entity is.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The entity's name in English.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Description("Acronyms and local-language names.").Resolve(c => c.Source.Aliases);
        Field<EntityGraphType>("country").Description("The country the entity belongs to, where it has one.")
            .Resolve(c => c.Source.Country is { } id ? Resolvers.Loaders(c).Entities.Load(id) : null);
        Field<IdGraphType>("countryId").Description("The id of the country the entity belongs to, without loading it.").Resolve(c => c.Source.Country);
        Field<StringGraphType>("description").Description("A short description.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttributeGraphType>>>>("attributes").Description("Typed attributes: dates, counts, urls.").Resolve(c => c.Source.Attributes);
        Field<PartialDateGraphType>("validFrom").Description("When the entity began, as far as the sources attest (inclusive), at their precision.").Resolve(c => c.Source.ValidFrom);
        Field<PartialDateGraphType>("validTo").Description("When the entity ended (exclusive), e.g. DG NEAR on 2025-02-01.").Resolve(c => c.Source.ValidTo);
        Field<BooleanGraphType>("ended").Description("Whether the entity had ended by the asOf date of the question that returned it; null without asOf. An ended entity still stands in the history of its acts.")
            .Resolve(c => Resolvers.AsOf(c) is { } day ? c.Source.ValidTo is { } to && to.Last <= day : null);
        Field<NonNullGraphType<OriginGraphType>>("origin").Description("Whether the curated seeds or a user wrote it.").Resolve(c => c.Source.Origin);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources").Description("The sources that attest the entity.")
            .Resolve(c => Resolvers.Sources(c, c.Source.Sources));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationGraphType>>>>("citations").Description("Each source with where in it and what it says.")
            .Resolve(c => c.Source.Sources);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AbsenceGraphType>>>>("absences")
            .Description("Documented absences about the entity: links that sources say it does not have.")
            .Resolve(c => Resolvers.Loaders(c).Absences.Load(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoryEntryGraphType>>>>("timeline")
            .Description("The entity's acts and the starts and ends of its states, oldest first (at most 500).")
            .Argument<DateGraphType>("from", "From this day (inclusive).")
            .Argument<DateGraphType>("to", "Until this day (inclusive).")
            .ResolveAsync(async c => (await Resolvers.Store(c).FindHistoryAsync(new HistoryQuery(
                c.GetArgument<DateOnly?>("from"), c.GetArgument<DateOnly?>("to"), Entity: c.Source.Id, First: 500), c.CancellationToken)).Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("relations")
            .Description("The entity's relations. Without asOf: every fact that is not retracted, history included.")
            .Arguments(Resolvers.RelationArguments())
            .Resolve(c => Resolvers.Loaders(c).RelationsOf(c.GetArgument("direction", Direction.Both), Resolvers.Filter(c)).Load(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("neighbours")
            .Description("The entities at the other end of the entity's relations (each once), with the same filters as relations.")
            .Arguments(Resolvers.RelationArguments())
            .Resolve(c =>
            {
                var loaders = Resolvers.Loaders(c);
                var id = c.Source.Id;
                var day = c.GetArgument<DateOnly?>("asOf");
                // Relations first, then their far ends: both levels batch across every entity of the page.
                return new Then<IReadOnlyList<Relation>?>(loaders.RelationsOf(c.GetArgument("direction", Direction.Both), Resolvers.Filter(c)).Load(id), rels =>
                {
                    var pending = (rels ?? []).Select(r => r.From == id ? r.To : r.From).Distinct().Select(loaders.Entities.Load).ToList();
                    return new Deferred<IReadOnlyList<Entity>>(async ct =>
                    {
                        var list = new List<Entity>(pending.Count);
                        foreach (var p in pending)
                            if (await p.GetResultAsync(ct) is { } e && (day is null || e.IsValidOn(day.Value))) list.Add(e);
                        return list;
                    });
                });
            });
    }
}

internal sealed class RelationGraphType : ObjectGraphType<Relation>
{
    public RelationGraphType()
    {
        Name = "Relation";
        Description = "A dated, sourced statement 'from TYPE to', e.g. fr FOUNDED wb3c.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id, by default from-type-to (fr-founded-wb3c).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<RelationTypeGraphType>>("type").Description("What the subject does to the object.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<EntityGraphType>>("from").Description("The subject.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.From));
        Field<NonNullGraphType<EntityGraphType>>("to").Description("The object.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.To));
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("The subject's id, without loading it.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IdGraphType>>("toId").Description("The object's id, without loading it.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<RelationClassGraphType>>("class").Description("INSTITUTIONAL, PARTICIPATION or DISCOURSE: what the relation says about the network.")
            .Resolve(c => Vocabulary.Info(c.Source.Type).Class);
        Field<NonNullGraphType<TemporalityGraphType>>("temporality").Description("ACT (it happened on a date and stays history), TRANSITION (an act that ends its subject) or STATE (it holds over an interval).")
            .Resolve(c => Vocabulary.Info(c.Source.Type).Temporality);
        Field<PartialDateGraphType>("occurredOn").Description("For an act: the day, month or year it happened.").Resolve(c => c.Source.OccurredOn);
        Field<PartialDateGraphType>("validFrom").Description("For a state: from when it holds (inclusive), at the sources' precision.").Resolve(c => c.Source.ValidFrom);
        Field<PartialDateGraphType>("validTo").Description("For a state: until when it held (exclusive); null while it holds.").Resolve(c => c.Source.ValidTo);
        Field<PartialDateGraphType>("attestedOn").Description("When the sources do not date it: the earliest date a source attests it, from which it counts.").Resolve(c => c.Source.AttestedOn);
        Field<NonNullGraphType<BooleanGraphType>>("startUnknown").Description("True when the sources give no date for the act or the state's start (it counts from attestedOn, or always).")
            .Resolve(c => c.Source.StartUnknown);
        Field<BooleanGraphType>("uncertain")
            .Description("On the asOf date of the question that returned it: true when the relation holds only as far as a date known to the month or year allows (a start in 2010, asked about mid-2010). Null without asOf.")
            .Resolve(c => Resolvers.AsOf(c) is { } day ? c.Source.IsUncertainOn(day) : null);
        Field<AlignmentGraphType>("alignment").Description("For ALIGNS_WITH: how fully the law carries the EU act over.").Resolve(c => c.Source.Alignment);
        Field<StringGraphType>("role").Description("The capacity, e.g. 'Director' or 'Cyber Ambassador of Slovenia'.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ConfidenceGraphType>>("confidence").Description("H official or primary, M secondary, L weak.").Resolve(c => c.Source.Confidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttributeGraphType>>>>("attributes").Description("Typed attributes (e.g. item: diagonal).").Resolve(c => c.Source.Attributes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources").Description("The sources that attest the fact.")
            .Resolve(c => Resolvers.Sources(c, c.Source.Sources));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationGraphType>>>>("citations").Description("Each source with where in it and what it says.")
            .Resolve(c => c.Source.Sources);
        Field<RetractionGraphType>("retracted").Description("Set when the fact was withdrawn; it is kept, with why and on whose word.").Resolve(c => c.Source.Retracted);
        Field<NonNullGraphType<OriginGraphType>>("origin").Description("Whether the curated seeds or a user wrote it.").Resolve(c => c.Source.Origin);
    }
}

internal sealed class RetractionGraphType : ObjectGraphType<Retraction>
{
    public RetractionGraphType()
    {
        Name = "Retraction";
        Description = "Why a relation was withdrawn.";
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources").Description("The sources for the retraction.")
            .Resolve(c => Resolvers.Sources(c, c.Source.Sources));
    }
}

internal sealed class SourceGraphType : ObjectGraphType<Source>
{
    public SourceGraphType()
    {
        Name = "Source";
        Description = "A publication that facts cite.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title.").Resolve(c => c.Source.Title);
        Field<StringGraphType>("publisher").Description("Who published it.").Resolve(c => c.Source.Publisher);
        Field<PartialDateGraphType>("published").Description("Publication date, at the precision the source gives.").Resolve(c => c.Source.Published);
        Field<DateGraphType>("retrieved").Description("The day the page was read.").Resolve(c => c.Source.Retrieved);
        Field<StringGraphType>("url").Description("Where to read it.").Resolve(c => c.Source.Url);
        Field<StringGraphType>("document").Description("The name of the source document, for the documents kept with the project.").Resolve(c => c.Source.Document);
        Field<NonNullGraphType<SourceKindGraphType>>("kind").Description("Official, primary, secondary or press.").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("language").Description("The language it is written in (ISO 639-1).").Resolve(c => c.Source.Language);
    }
}

internal sealed class AttributeGraphType : ObjectGraphType<AttributeValue>
{
    public AttributeGraphType()
    {
        Name = "Attribute";
        Description = "A typed attribute of an entity or relation.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Name, camelCase.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<AttributeTypeGraphType>>("type").Description("How the value reads: integer, date, url, ...").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value as text (dates as YYYY-MM-DD).").Resolve(c => c.Source.Value);
    }
}

internal sealed class CitationGraphType : ObjectGraphType<Citation>
{
    public CitationGraphType()
    {
        Name = "Citation";
        Description = "A fact's reference to a source: where in it, and what it says there in our own words.";
        Field<NonNullGraphType<IdGraphType>>("sourceId").Description("The source's id.").Resolve(c => c.Source.Source);
        Field<SourceGraphType>("source").Description("The source.").Resolve(c => Loaders(c).Sources.Load(c.Source.Source));
        Field<StringGraphType>("locator").Description("Article, section, page or paragraph.").Resolve(c => c.Source.Locator);
        Field<StringGraphType>("note").Description("What the source says that supports the fact, in one line.").Resolve(c => c.Source.Note);
    }

    private static RequestLoaders Loaders(IResolveFieldContext c) => Resolvers.Loaders(c);
}

internal sealed class AbsenceGraphType : ObjectGraphType<Absence>
{
    public AbsenceGraphType()
    {
        Name = "Absence";
        Description = "A documented absence ('no value'): a source says there is no such relation over the interval. Gap reports call an item MISSING only on such evidence.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable id.").Resolve(c => c.Source.Id);
        Field<EntityGraphType>("from").Description("The subject, or null when any subject is meant.").Resolve(c => c.Source.From is { } id ? Resolvers.Loaders(c).Entities.Load(id) : null);
        Field<NonNullGraphType<RelationTypeGraphType>>("type").Description("The relation that does not exist.").Resolve(c => c.Source.Type);
        Field<EntityGraphType>("to").Description("The object, or null when any object is meant.").Resolve(c => c.Source.To is { } id ? Resolvers.Loaders(c).Entities.Load(id) : null);
        Field<EntityKindGraphType>("kind").Description("The kind the open end would have, when the absence is about one kind only.").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("role").Description("The role the absent relation would have, when it is about one role only (national CSIRT).").Resolve(c => c.Source.Role);
        Field<PartialDateGraphType>("validFrom").Description("From when the sources document the absence.").Resolve(c => c.Source.ValidFrom);
        Field<PartialDateGraphType>("validTo").Description("Until when (exclusive); null while nothing newer is known.").Resolve(c => c.Source.ValidTo);
        Field<NonNullGraphType<ConfidenceGraphType>>("confidence").Description("H official or primary, M secondary, L weak.").Resolve(c => c.Source.Confidence);
        Field<StringGraphType>("note").Description("What is absent, in words.").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources").Description("The sources that document the absence.")
            .Resolve(c => Resolvers.Sources(c, c.Source.Sources));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitationGraphType>>>>("citations").Description("Each source with where in it and what it says.")
            .Resolve(c => c.Source.Sources);
    }
}

internal sealed class HistoryEntryGraphType : ObjectGraphType<HistoryEntry>
{
    public HistoryEntryGraphType()
    {
        Name = "HistoryEntry";
        Description = "One dated change: an act that occurred, or a state that began or ended.";
        Field<NonNullGraphType<HistoryKindGraphType>>("kind").Description("OCCURRED, BEGAN or ENDED.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<PartialDateGraphType>>("date").Description("When, at the sources' precision.").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<BooleanGraphType>>("uncertain").Description("The date is known only to the month or year, and that period reaches outside the window asked about.").Resolve(c => c.Source.Uncertain);
        Field<NonNullGraphType<RelationGraphType>>("relation").Description("The relation, with its sources.").Resolve(c => c.Source.Relation);
    }
}

/// <summary>Arguments and resolver helpers the types share.</summary>
internal static class Resolvers
{
    public static RequestLoaders Loaders(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<RequestLoaders>();

    public static IGraphStore Store(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IGraphStore>();

    /// <summary>The asOf date of the nearest field above that was asked with one (a neighbourhood, a path, a list of relations).</summary>
    public static DateOnly? AsOf(IResolveFieldContext c)
    {
        for (var p = c.Parent; p is not null; p = p.Parent)
            if (p.Arguments is { } args && args.TryGetValue("asOf", out var v) && v.Value is DateOnly day) return day;
        return null;
    }

    public static object Sources(IResolveFieldContext c, IReadOnlyList<Citation> citations)
    {
        var loader = Loaders(c).Sources;
        var pending = citations.Select(x => x.Source).Distinct().Select(loader.Load).ToList();
        return new Deferred<IReadOnlyList<Source>>(async ct =>
        {
            var list = new List<Source>(pending.Count);
            foreach (var p in pending)
                if (await p.GetResultAsync(ct) is { } s) list.Add(s);
            return list;
        });
    }

    /// <summary>The entities of a list of ids, in its order, through the request's entity loader (unknown ids left out).</summary>
    public static object EntitiesOf(IResolveFieldContext c, IReadOnlyList<string> ids)
    {
        var loader = Loaders(c).Entities;
        var pending = ids.Select(loader.Load).ToList();
        return new Deferred<IReadOnlyList<Entity>>(async ct =>
        {
            var list = new List<Entity>(pending.Count);
            foreach (var p in pending)
                if (await p.GetResultAsync(ct) is { } e) list.Add(e);
            return list;
        });
    }

    public static QueryArguments RelationArguments() => new(
        new QueryArgument<DirectionGraphType> { Name = "direction", DefaultValue = Direction.Both, Description = "OUT, IN or BOTH (the default)." },
        new QueryArgument<ListGraphType<NonNullGraphType<RelationTypeGraphType>>> { Name = "types", Description = "Only these relation types." },
        new QueryArgument<DateGraphType> { Name = "asOf", Description = "Only relations (and ends) that held on this date." },
        new QueryArgument<BooleanGraphType> { Name = "includeRetracted", DefaultValue = false, Description = "Also list retracted relations." });

    public static RelationFilter Filter(IResolveFieldContext c) => new(
        c.GetArgument<List<RelationType>?>("types") is { Count: > 0 } types ? types.ToHashSet() : null,
        c.GetArgument<DateOnly?>("asOf"),
        c.GetArgument("includeRetracted", false));
}
