using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Api.GraphQL;

internal sealed class PathGraphType : ObjectGraphType<GraphPath>
{
    public PathGraphType()
    {
        Name = "Path";
        Description = "A chain of distinct entities, with every relation that links each consecutive pair: evidence ready to cite.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("Hops.").Resolve(c => c.Source.Length);
        Field<NonNullGraphType<FloatGraphType>>("cost").Description("Hops, or the evidence cost with EVIDENCE weighting.").Resolve(c => c.Source.Cost);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("entities").Description("The entities, in order.").Resolve(c => c.Source.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepGraphType>>>>("steps").Description("Each hop with its relations.").Resolve(c => c.Source.Steps);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("relations").Description("All relations of the path, step by step.").Resolve(c => c.Source.Relations.ToList());
        Field<ConfidenceGraphType>("weakestConfidence").Description("The weakest step, each step counting its best relation.").Resolve(c => c.Source.WeakestConfidence);
        Field<PartialDateGraphType>("validFrom").Description("From when the whole path held (the latest start of its steps).").Resolve(c => c.Source.ValidFrom);
        Field<PartialDateGraphType>("validTo").Description("Until when the whole path held (the earliest end of its steps; acts never end).").Resolve(c => c.Source.ValidTo);
    }
}

internal sealed class PathStepGraphType : ObjectGraphType<PathStep>
{
    public PathStepGraphType()
    {
        Name = "PathStep";
        Description = "One hop of a path and every relation that makes it.";
        Field<NonNullGraphType<EntityGraphType>>("from").Description("The entity the hop leaves.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.From));
        Field<NonNullGraphType<EntityGraphType>>("to").Description("The entity the hop reaches.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.To));
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("The id of the entity the hop leaves.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IdGraphType>>("toId").Description("The id of the entity the hop reaches.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("relations").Description("The relations linking them, either way.").Resolve(c => c.Source.Relations);
    }
}

internal sealed record PathList(IReadOnlyList<GraphPath> Paths, bool Capped);

internal sealed class SubgraphGraphType : ObjectGraphType<Subgraph>
{
    public SubgraphGraphType()
    {
        Name = "Subgraph";
        Description = "Entities around one entity and the relations among them.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("entities").Description("The entities, nearest first.").Resolve(c => c.Source.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("relations").Description("The relations among them.").Resolve(c => c.Source.Relations);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when a limit cut the neighbourhood short.").Resolve(c => c.Source.Truncated);
    }
}

internal sealed class RankedEntityGraphType : ObjectGraphType<RankedEntity>
{
    public RankedEntityGraphType()
    {
        Name = "RankedEntity";
        Description = "An entity with its centrality score.";
        Field<NonNullGraphType<EntityGraphType>>("entity").Description("The entity.").Resolve(c => c.Source.Entity);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Its score.").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the highest score.").Resolve(c => c.Source.Rank);
    }
}

internal sealed class LinkSuggestionGraphType : ObjectGraphType<LinkSuggestion>
{
    public LinkSuggestionGraphType()
    {
        Name = "LinkSuggestion";
        Description = "Two entities not directly linked that the network suggests should be.";
        Field<NonNullGraphType<EntityGraphType>>("from").Description("The entity the suggestion is for.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.From));
        Field<NonNullGraphType<EntityGraphType>>("to").Description("The entity it suggests linking to.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.To));
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("The id of from.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IdGraphType>>("toId").Description("The id of to.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("The score; higher is stronger.").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<LinkScoreGraphType>>("method").Description("The scoring method.").Resolve(c => c.Source.Method);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("sharedNeighbours").Description("The entities linked to both, the suggestion's reason.")
            .Resolve(c => Resolvers.EntitiesOf(c, c.Source.SharedNeighbours));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sharedNeighbourIds").Description("Their ids.").Resolve(c => c.Source.SharedNeighbours);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationTypeGraphType>>>>("types")
            .Description("The institutional relation types that could join the two, either way (PARTY_TO, MEMBER_OF, BENEFICIARY_OF, ...).").Resolve(c => c.Source.Types);
    }
}

internal sealed class GapReportGraphType : ObjectGraphType<GapReport>
{
    public GapReportGraphType()
    {
        Name = "GapReport";
        Description = "One country against a gap template, on a date.";
        Field<NonNullGraphType<EntityGraphType>>("country").Description("The country.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.Country));
        Field<NonNullGraphType<IdGraphType>>("countryId").Description("The country's id.").Resolve(c => c.Source.Country);
        Field<NonNullGraphType<IdGraphType>>("template").Description("The template id.").Resolve(c => c.Source.Template);
        Field<FloatGraphType>("score")
            .Description("0 to 1 over the researched eligible items that count (PRESENT 1, PARTIAL 0.5, EXPIRED and MISSING 0); UNKNOWN items are left out, so read it with coverage. Null when no item is researched.")
            .Resolve(c => c.Source.Score);
        Field<NonNullGraphType<FloatGraphType>>("coverage").Description("Researched / eligible, over the items that count: how much of the score rests on evidence.").Resolve(c => c.Source.Coverage);
        Field<NonNullGraphType<IntGraphType>>("researched").Description("Eligible items that count and are not UNKNOWN.").Resolve(c => c.Source.Researched);
        Field<NonNullGraphType<IntGraphType>>("eligible").Description("Eligible items that count in the score.").Resolve(c => c.Source.Eligible);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GapItemGraphType>>>>("items").Description("Each expected link and its status.").Resolve(c => c.Source.Items);
    }
}

internal sealed class GapItemGraphType : ObjectGraphType<GapItemReport>
{
    public GapItemGraphType()
    {
        Name = "GapItem";
        Description = "One expected link and whether the country has it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The item id, e.g. national-csirt.").Resolve(c => c.Source.Item.Id);
        Field<NonNullGraphType<StringGraphType>>("label").Description("What is expected.").Resolve(c => c.Source.Item.Label);
        Field<StringGraphType>("legalBasis").Description("Where the expectation comes from.").Resolve(c => c.Source.Item.LegalBasis);
        Field<NonNullGraphType<GapStatusGraphType>>("status").Description("PRESENT, PARTIAL, EXPIRED, MISSING (a documented absence), UNKNOWN (no evidence either way) or NOT_ELIGIBLE.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("uncertain").Description("The status rests on a date known only to the month or year, and the date asked falls inside that period.").Resolve(c => c.Source.Uncertain);
        Field<StringGraphType>("detail").Description("For PARTIAL: why (partial alignment, a draft, adopted and not yet applicable).").Resolve(c => c.Source.Detail);
        Field<NonNullGraphType<BooleanGraphType>>("countsInScore").Description("False for items that measure support received rather than alignment: reported, not scored.").Resolve(c => c.Source.Item.CountsInScore);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathGraphType>>>>("evidence").Description("The chains that satisfy (or satisfied, or partly satisfy) the item, with sources.").Resolve(c => c.Source.Evidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AbsenceGraphType>>>>("absences").Description("For MISSING: the documented absences it rests on, with sources.").Resolve(c => c.Source.Absences);
        Field<ResearchRecordGraphType>("research").Description("What was consulted for this item and country, when, and what it came to; the reason an item is UNKNOWN.")
            .Resolve(c => c.RequestServices!.GetRequiredService<GapTemplateCatalog>().Research(c.Source.Country, c.Source.Item.Id));
    }
}

internal sealed class ResearchRecordGraphType : ObjectGraphType<ResearchRecord>
{
    public ResearchRecordGraphType()
    {
        Name = "ResearchRecord";
        Description = "The research behind one gap item of one country: what was consulted, when, and what it came to.";
        Field<NonNullGraphType<EntityGraphType>>("country").Description("The country.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.Country));
        Field<NonNullGraphType<IdGraphType>>("countryId").Description("The country's id.").Resolve(c => c.Source.Country);
        Field<NonNullGraphType<IdGraphType>>("item").Description("The gap item.").Resolve(c => c.Source.Item);
        Field<NonNullGraphType<DateGraphType>>("checked").Description("The day the research was done.").Resolve(c => c.Source.Checked);
        Field<NonNullGraphType<ResearchOutcomeGraphType>>("outcome").Description("FOUND, ABSENCE_DOCUMENTED or NOT_FOUND.").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResearchStepGraphType>>>>("consulted").Description("Each source, address or search consulted, and what it gave.").Resolve(c => c.Source.Consulted);
        Field<NonNullGraphType<StringGraphType>>("conclusion").Description("What we know and what is missing, in one line.").Resolve(c => c.Source.Conclusion);
    }
}

internal sealed class ResearchStepGraphType : ObjectGraphType<ResearchStep>
{
    public ResearchStepGraphType()
    {
        Name = "ResearchStep";
        Description = "One thing consulted.";
        Field<SourceGraphType>("source").Description("A source of the graph, when it is one.").Resolve(c => c.Source.Source is { } id ? Resolvers.Loaders(c).Sources.Load(id) : null);
        Field<StringGraphType>("url").Description("An address consulted.").Resolve(c => c.Source.Url);
        Field<StringGraphType>("query").Description("A search made.").Resolve(c => c.Source.Query);
        Field<NonNullGraphType<StringGraphType>>("result").Description("What it gave.").Resolve(c => c.Source.Result);
    }
}

internal sealed class GapCellGraphType : ObjectGraphType<GapCell>
{
    public GapCellGraphType()
    {
        Name = "GapCell";
        Description = "Whether one entity reaches another, for heat maps.";
        Field<NonNullGraphType<EntityGraphType>>("from").Description("The row entity.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.From));
        Field<NonNullGraphType<EntityGraphType>>("to").Description("The column entity.").Resolve(c => Resolvers.Loaders(c).Entities.Load(c.Source.To));
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("The row entity's id.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IdGraphType>>("toId").Description("The column entity's id.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("Linked by a relation.").Resolve(c => c.Source.Direct);
        Field<IntGraphType>("distance").Description("Hops of the shortest path within maxHops; null when unreachable.").Resolve(c => c.Source.Distance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityGraphType>>>>("via").Description("The entities in between on a shortest path, in order.").Resolve(c => Resolvers.EntitiesOf(c, c.Source.Via));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("viaIds").Description("Their ids.").Resolve(c => c.Source.Via);
    }
}
