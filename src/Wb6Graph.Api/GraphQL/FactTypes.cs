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
        Field<IdGraphType>("country").Description("The id of the country the entity belongs to, where it has one.").Resolve(c => c.Source.Country);
        Field<StringGraphType>("description").Description("A short description.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttributeGraphType>>>>("attributes").Description("Typed attributes: dates, counts, urls.").Resolve(c => c.Source.Attributes);
        Field<DateGraphType>("validFrom").Description("When the entity began, as far as the sources attest (inclusive).").Resolve(c => c.Source.ValidFrom);
        Field<DateGraphType>("validTo").Description("When the entity ended (exclusive), e.g. DG NEAR on 2025-02-01.").Resolve(c => c.Source.ValidTo);
        Field<NonNullGraphType<OriginGraphType>>("origin").Description("Whether the curated seeds or a user wrote it.").Resolve(c => c.Source.Origin);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources").Description("The sources that attest the entity.")
            .Resolve(c => Resolvers.Sources(c, c.Source.Sources));
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
        Field<DateGraphType>("validFrom").Description("From when the fact holds (inclusive); the date of a one-off act.").Resolve(c => c.Source.ValidFrom);
        Field<DateGraphType>("validTo").Description("Until when it held (exclusive); null while it holds.").Resolve(c => c.Source.ValidTo);
        Field<StringGraphType>("role").Description("The capacity, e.g. 'Director' or 'Cyber Ambassador of Slovenia'.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ConfidenceGraphType>>("confidence").Description("H official or primary, M secondary, L weak.").Resolve(c => c.Source.Confidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttributeGraphType>>>>("attributes").Description("Typed attributes (e.g. item: diagonal).").Resolve(c => c.Source.Attributes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources").Description("The sources that attest the fact.")
            .Resolve(c => Resolvers.Sources(c, c.Source.Sources));
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
        Field<DateGraphType>("published").Description("Publication date.").Resolve(c => c.Source.Published);
        Field<StringGraphType>("url").Description("Where to read it.").Resolve(c => c.Source.Url);
        Field<StringGraphType>("document").Description("The name of the source document, for the documents kept with the project.").Resolve(c => c.Source.Document);
        Field<NonNullGraphType<SourceKindGraphType>>("kind").Description("Official, secondary or press.").Resolve(c => c.Source.Kind);
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

/// <summary>Arguments and resolver helpers the types share.</summary>
internal static class Resolvers
{
    public static RequestLoaders Loaders(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<RequestLoaders>();

    public static object Sources(IResolveFieldContext c, IReadOnlyList<string> ids)
    {
        var loader = Loaders(c).Sources;
        var pending = ids.Select(loader.Load).ToList();
        return new Deferred<IReadOnlyList<Source>>(async ct =>
        {
            var list = new List<Source>(pending.Count);
            foreach (var p in pending)
                if (await p.GetResultAsync(ct) is { } s) list.Add(s);
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
