using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Model;

namespace Wb6Graph.Api.GraphQL;

internal sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Writes: each needs an API key (Authorization: Bearer <key>), cites at least one source, is validated like a seed fact, and is all-or-nothing.";

        Field<NonNullGraphType<EntityGraphType>>("upsertEntity").Description("Creates an entity or replaces it; a seed entity changed here is never overwritten by a seed reload.")
            .Argument<NonNullGraphType<EntityInputGraphType>>("input", "The entity.")
            .ResolveAsync(async c =>
            {
                var i = c.GetArgument<EntityInputDto>("input");
                return await Store(c).UpsertEntityAsync(new EntityInput(i.Id, i.Kind.ToString(), i.Name, i.Aliases, i.Country, i.Description,
                    Attributes(i.Attributes), i.ValidFrom, i.ValidTo, i.Sources.ToRefs()), c.CancellationToken);
            });

        Field<NonNullGraphType<RelationGraphType>>("addRelation").Description("Adds a relation; an existing id is refused (end or retract the old one instead).")
            .Argument<NonNullGraphType<RelationInputGraphType>>("input", "The relation.")
            .ResolveAsync(async c =>
            {
                var i = c.GetArgument<RelationInputDto>("input");
                return await Store(c).AddRelationAsync(new RelationInput(i.Id, i.Type.ToString(), i.From, i.To, i.ValidFrom, i.ValidTo, i.Role,
                    i.Confidence.ToString(), Attributes(i.Attributes), i.Sources.ToRefs())
                {
                    OccurredOn = i.OccurredOn,
                    AttestedOn = i.AttestedOn,
                    Alignment = i.Alignment?.ToString(),
                }, c.CancellationToken);
            });

        Field<NonNullGraphType<RelationGraphType>>("endRelation").Description("Sets a state's validTo: it stops holding on that date and stays in history. Acts do not end.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The relation.")
            .Argument<NonNullGraphType<PartialDateGraphType>>("validTo", "The first day it no longer holds (or the month or year it ended in).")
            .Argument<NonNullGraphType<SourcesInputGraphType>>("sources", "The sources for the ending.")
            .ResolveAsync(async c => await Store(c).EndRelationAsync(c.GetArgument<string>("id"), c.GetArgument<PartialDate>("validTo"),
                c.GetArgument<SourcesInputDto>("sources").ToRefs(), c.CancellationToken));

        Field<NonNullGraphType<RelationGraphType>>("retractRelation").Description("Marks a relation retracted: kept, with the reason and sources, and left out of answers unless asked for.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The relation.")
            .Argument<NonNullGraphType<StringGraphType>>("reason", "Why it is withdrawn.")
            .Argument<NonNullGraphType<SourcesInputGraphType>>("sources", "The sources for the retraction.")
            .ResolveAsync(async c => await Store(c).RetractRelationAsync(c.GetArgument<string>("id"), c.GetArgument<string>("reason"),
                c.GetArgument<SourcesInputDto>("sources").ToRefs(), c.CancellationToken));
    }

    private static IGraphStore Store(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IGraphStore>();

    private static List<AttributeValue>? Attributes(List<AttributeInputDto>? attributes) =>
        attributes?.Select(a => AttributeValue.Infer(a.Key, a.Value)).ToList();
}

internal sealed class SourceInputDto
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Publisher { get; set; }
    public PartialDate? Published { get; set; }
    public DateOnly? Retrieved { get; set; }
    public string? Url { get; set; }
    public string? Document { get; set; }
    public string? Language { get; set; }
    public SourceKind Kind { get; set; }
}

internal sealed class CitationInputDto
{
    public string Source { get; set; } = "";
    public string? Locator { get; set; }
    public string? Note { get; set; }
}

internal sealed class SourcesInputDto
{
    public List<string>? Ids { get; set; }
    public List<CitationInputDto>? Cite { get; set; }
    public List<SourceInputDto>? New { get; set; }

    /// <summary>Ids cited bare and citations with their locator and note, each source once (the detailed citation wins).</summary>
    public SourceRefs ToRefs() => new(
        (Cite ?? []).Select(c => new Citation(c.Source, c.Locator, c.Note)).Concat((Ids ?? []).Select(id => new Citation(id))).DistinctBy(c => c.Source).ToList(),
        (New ?? []).Select(s => new Source(s.Id, s.Title, s.Publisher, s.Published, s.Url, s.Document, s.Kind, s.Retrieved, Origin.User) { Language = s.Language }).ToList());
}

internal sealed class AttributeInputDto
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

internal sealed class EntityInputDto
{
    public string Id { get; set; } = "";
    public EntityKind Kind { get; set; }
    public string Name { get; set; } = "";
    public List<string>? Aliases { get; set; }
    public string? Country { get; set; }
    public string? Description { get; set; }
    public List<AttributeInputDto>? Attributes { get; set; }
    public PartialDate? ValidFrom { get; set; }
    public PartialDate? ValidTo { get; set; }
    public SourcesInputDto Sources { get; set; } = new();
}

internal sealed class RelationInputDto
{
    public string? Id { get; set; }
    public RelationType Type { get; set; }
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public PartialDate? OccurredOn { get; set; }
    public PartialDate? ValidFrom { get; set; }
    public PartialDate? ValidTo { get; set; }
    public PartialDate? AttestedOn { get; set; }
    public Alignment? Alignment { get; set; }
    public string? Role { get; set; }
    public Confidence Confidence { get; set; }
    public List<AttributeInputDto>? Attributes { get; set; }
    public SourcesInputDto Sources { get; set; } = new();
}

internal sealed class SourceInputGraphType : InputObjectGraphType<SourceInputDto>
{
    public SourceInputGraphType()
    {
        Name = "SourceInput";
        Description = "A new source, given inline.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("A new lower-kebab id.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title.");
        Field<StringGraphType>("publisher").Description("Who published it.");
        Field<PartialDateGraphType>("published").Description("Publication date, as precise as the source gives it.");
        Field<DateGraphType>("retrieved").Description("The day the page was read.");
        Field<StringGraphType>("url").Description("Where to read it (http or https); a url or a document is required.");
        Field<StringGraphType>("document").Description("A document's name, when there is no url.");
        Field<StringGraphType>("language").Description("The language it is written in (ISO 639-1: en, sq, sr, mk, ...).");
        Field<NonNullGraphType<SourceKindGraphType>>("kind").Description("OFFICIAL, PRIMARY, SECONDARY or PRESS.");
    }
}

internal sealed class SourcesInputGraphType : InputObjectGraphType<SourcesInputDto>
{
    public SourcesInputGraphType()
    {
        Name = "SourcesInput";
        Description = "The sources a write cites: at least one, existing (ids, or cite with where and what) or new.";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ids").Description("Ids of stored sources.");
        Field<ListGraphType<NonNullGraphType<CitationInputGraphType>>>("cite").Description("Stored sources cited with where in them and what they say.");
        Field<ListGraphType<NonNullGraphType<SourceInputGraphType>>>("new").Description("New sources, stored with the write.");
    }
}

internal sealed class CitationInputGraphType : InputObjectGraphType<CitationInputDto>
{
    public CitationInputGraphType()
    {
        Name = "CitationInput";
        Description = "A stored source cited with where in it and what it says.";
        Field<NonNullGraphType<IdGraphType>>("source").Description("The source's id.");
        Field<StringGraphType>("locator").Description("Article, section, page or paragraph.");
        Field<StringGraphType>("note").Description("What it says that supports the fact, in one line of your own words.");
    }
}

internal sealed class AttributeInputGraphType : InputObjectGraphType<AttributeInputDto>
{
    public AttributeInputGraphType()
    {
        Name = "AttributeInput";
        Description = "An attribute; its type (integer, date, url, ...) is read from the value.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Name, camelCase.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("Value as text.");
    }
}

internal sealed class EntityInputGraphType : InputObjectGraphType<EntityInputDto>
{
    public EntityInputGraphType()
    {
        Name = "EntityInput";
        Description = "An entity to create or replace.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Lower-kebab id.");
        Field<NonNullGraphType<EntityKindGraphType>>("kind").Description("Kind.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Acronyms and local names.");
        Field<IdGraphType>("country").Description("The id of a Country entity.");
        Field<StringGraphType>("description").Description("Description.");
        Field<ListGraphType<NonNullGraphType<AttributeInputGraphType>>>("attributes").Description("Attributes.");
        Field<PartialDateGraphType>("validFrom").Description("When it began (a day, month or year).");
        Field<PartialDateGraphType>("validTo").Description("When it ended (exclusive).");
        Field<NonNullGraphType<SourcesInputGraphType>>("sources").Description("At least one source.");
    }
}

internal sealed class RelationInputGraphType : InputObjectGraphType<RelationInputDto>
{
    public RelationInputGraphType()
    {
        Name = "RelationInput";
        Description = "A relation to add: 'from TYPE to'.";
        Field<IdGraphType>("id").Description("Optional; default from-type-to.");
        Field<NonNullGraphType<RelationTypeGraphType>>("type").Description("Type.");
        Field<NonNullGraphType<IdGraphType>>("from").Description("The subject's id.");
        Field<NonNullGraphType<IdGraphType>>("to").Description("The object's id.");
        Field<PartialDateGraphType>("occurredOn").Description("For an act (the type says): when it happened.");
        Field<PartialDateGraphType>("validFrom").Description("For a state: from when it holds.");
        Field<PartialDateGraphType>("validTo").Description("For a state: until when it held (exclusive).");
        Field<PartialDateGraphType>("attestedOn").Description("When the sources give no date: the earliest date a source attests it.");
        Field<AlignmentGraphType>("alignment").Description("For ALIGNS_WITH: FULL, PARTIAL or DRAFT.");
        Field<StringGraphType>("role").Description("The capacity.");
        Field<NonNullGraphType<ConfidenceGraphType>>("confidence").Description("H, M or L.");
        Field<ListGraphType<NonNullGraphType<AttributeInputGraphType>>>("attributes").Description("Attributes.");
        Field<NonNullGraphType<SourcesInputGraphType>>("sources").Description("At least one source.");
    }
}
