using GraphQL.Types;
using Wb6Graph.Engine;
using Wb6Graph.Model;

namespace Wb6Graph.Api.GraphQL;

/// <summary>Enum values keep the vocabulary's own spelling (EuBody, FOUNDED), the same as in the seeds and exports.</summary>
internal abstract class VocabularyEnum<T> : EnumerationGraphType<T>
    where T : struct, Enum
{
    protected override string ChangeEnumCase(string val) => val;
}

internal sealed class EntityKindGraphType : VocabularyEnum<EntityKind>
{
    public EntityKindGraphType()
    {
        Name = "EntityKind";
        Description = "The kinds of entity, from the vocabulary documented in graph-seeds/README.md.";
        foreach (var value in Values) value.Description = Vocabulary.Describe((EntityKind)value.Value!);
    }
}

internal sealed class RelationTypeGraphType : VocabularyEnum<RelationType>
{
    public RelationTypeGraphType()
    {
        Name = "RelationType";
        Description = "The relation types; a relation reads 'from TYPE to' in the active voice.";
        foreach (var value in Values) value.Description = Vocabulary.Describe((RelationType)value.Value!);
    }
}

internal sealed class ConfidenceGraphType : VocabularyEnum<Confidence>
{
    public ConfidenceGraphType()
    {
        Name = "Confidence";
        Description = "How far a fact can be trusted.";
        Values["H"]!.Description = "Stated by an official or primary source.";
        Values["M"]!.Description = "Stated by a secondary source, or our reading of a stated fact.";
        Values["L"]!.Description = "Weak or indirect evidence.";
    }
}

internal sealed class TemporalityGraphType : EnumerationGraphType<Temporality>
{
    public TemporalityGraphType()
    {
        Name = "Temporality";
        Description = "How a relation lives in time; the vocabulary says it per type.";
        Values["STATE"]!.Description = "It holds from validFrom until validTo while both its ends exist: a membership, a leadership, a law in force.";
        Values["ACT"]!.Description = "It happened on occurredOn and stays history from then on, whatever becomes of its ends: a founding, a speech, a signature.";
        Values["TRANSITION"]!.Description = "An act that ends its subject on its date: a succession, a merger.";
    }
}

internal sealed class RelationClassGraphType : EnumerationGraphType<RelationClass>
{
    public RelationClassGraphType()
    {
        Name = "RelationClass";
        Description = "What a relation says about the network.";
        Values["INSTITUTIONAL"]!.Description = "A lasting institutional tie: founding, membership, designation, funding, a treaty, a law.";
        Values["PARTICIPATION"]!.Description = "Taking part in something: an event attended, organised, opened or spoken at.";
        Values["DISCOURSE"]!.Description = "Words, not ties: advocating for or calling for something.";
    }
}

internal sealed class AlignmentGraphType : EnumerationGraphType<Alignment>
{
    public AlignmentGraphType()
    {
        Name = "Alignment";
        Description = "How fully a national law carries an EU act over.";
        Values["FULL"]!.Description = "Fully aligned, as its sources state.";
        Values["PARTIAL"]!.Description = "Partly aligned.";
        Values["DRAFT"]!.Description = "Aligned only in a draft that is not yet adopted.";
    }
}

internal sealed class HistoryKindGraphType : EnumerationGraphType<HistoryKind>
{
    public HistoryKindGraphType()
    {
        Name = "HistoryKind";
        Description = "What a history entry records.";
        Values["OCCURRED"]!.Description = "An act happened.";
        Values["BEGAN"]!.Description = "A state began (validFrom).";
        Values["ENDED"]!.Description = "A state ended (validTo).";
    }
}

internal sealed class ResearchOutcomeGraphType : EnumerationGraphType<ResearchOutcome>
{
    public ResearchOutcomeGraphType()
    {
        Name = "ResearchOutcome";
        Description = "What research into one expected link came to.";
        Values["FOUND"]!.Description = "Evidence was found; the link is in the graph.";
        Values["ABSENCE_DOCUMENTED"]!.Description = "A source documents that the link does not exist.";
        Values["NOT_FOUND"]!.Description = "Nothing either way was found in what was consulted.";
    }
}

internal sealed class SourceKindGraphType : EnumerationGraphType<SourceKind>
{
    public SourceKindGraphType()
    {
        Name = "SourceKind";
        Description = "What kind of publication a source is.";
        Values["PRIMARY"]!.Description = "The act or document itself: a law in an official gazette, a treaty office's record, a team's own directory entry.";
        Values["OFFICIAL"]!.Description = "A government, EU body or organisation speaking for itself.";
        Values["SECONDARY"]!.Description = "Analysis, indexes, databases, law firms.";
        Values["PRESS"]!.Description = "A press release or news article.";
    }
}

internal sealed class DirectionGraphType : EnumerationGraphType<Direction>
{
    public DirectionGraphType()
    {
        Name = "Direction";
        Description = "Which relations of an entity: those it is the subject of (OUT), the object of (IN), or both.";
        Values["OUT"]!.Description = "Relations from this entity.";
        Values["IN"]!.Description = "Relations to this entity.";
        Values["BOTH"]!.Description = "Relations either way.";
    }
}

internal sealed class OriginGraphType : EnumerationGraphType<Origin>
{
    public OriginGraphType()
    {
        Name = "Origin";
        Description = "Who wrote a fact: the curated seeds, or a user through the API (seed reloads never overwrite those).";
        Values["SEED"]!.Description = "From graph-seeds/.";
        Values["USER"]!.Description = "Written or changed through the API.";
    }
}

internal sealed class AttributeTypeGraphType : EnumerationGraphType<AttributeType>
{
    public AttributeTypeGraphType()
    {
        Name = "AttributeType";
        Description = "The type an attribute value was read as.";
    }
}

internal sealed class PathWeightingGraphType : EnumerationGraphType<PathWeighting>
{
    public PathWeightingGraphType()
    {
        Name = "PathWeighting";
        Description = "How a shortest path is measured.";
        Values["HOPS"]!.Description = "The fewest relations.";
        Values["EVIDENCE"]!.Description = "The best-sourced chain: an H relation costs 1, M 2, L 4.";
    }
}

internal sealed class CentralityMeasureGraphType : EnumerationGraphType<CentralityMeasure>
{
    public CentralityMeasureGraphType()
    {
        Name = "CentralityMeasure";
        Description = "How to rank brokers.";
        Values["BETWEENNESS"]!.Description = "How many shortest paths between other entities pass through it (Brandes).";
        Values["DEGREE"]!.Description = "How many distinct entities it is linked with.";
    }
}

internal sealed class LinkScoreGraphType : EnumerationGraphType<LinkScore>
{
    public LinkScoreGraphType()
    {
        Name = "LinkScore";
        Description = "Link prediction scores on the simple undirected graph (two entities are neighbours once, however many relations link them).";
        Values["COMMON_NEIGHBOURS"]!.Description = "|N(x) ∩ N(y)|.";
        Values["ADAMIC_ADAR"]!.Description = "Σ over shared neighbours z of 1 / ln |N(z)|.";
        Values["RESOURCE_ALLOCATION"]!.Description = "Σ over shared neighbours z of 1 / |N(z)|.";
        Values["PREFERENTIAL_ATTACHMENT"]!.Description = "|N(x)| · |N(y)|.";
    }
}

internal sealed class GapStatusGraphType : EnumerationGraphType<GapStatus>
{
    public GapStatusGraphType()
    {
        Name = "GapStatus";
        Description = "Whether an expected link exists on the date asked.";
        Values["PRESENT"]!.Description = "A chain of the item's pattern holds on the date.";
        Values["PARTIAL"]!.Description = "Partly there: a law partly aligned or only drafted, or adopted and not yet applicable.";
        Values["EXPIRED"]!.Description = "Such a chain held before and has ended (a strategy that ran out).";
        Values["MISSING"]!.Description = "A source documents that the link does not exist on the date (a documented absence).";
        Values["UNKNOWN"]!.Description = "No evidence either way: not researched to a conclusion; the research record says what was consulted.";
        Values["NOT_ELIGIBLE"]!.Description = "Open to EU member states only: not a failure of a candidate country.";
    }
}
