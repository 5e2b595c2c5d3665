using GraphQL.Types;
using Wb6Graph.Engine;

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
        Field<DateGraphType>("validFrom").Description("From when the whole path held (the latest start of its steps).").Resolve(c => c.Source.ValidFrom);
        Field<DateGraphType>("validTo").Description("Until when the whole path held (the earliest end of its steps).").Resolve(c => c.Source.ValidTo);
    }
}

internal sealed class PathStepGraphType : ObjectGraphType<PathStep>
{
    public PathStepGraphType()
    {
        Name = "PathStep";
        Description = "One hop of a path and every relation that makes it.";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The entity the hop leaves.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IdGraphType>>("to").Description("The entity the hop reaches.").Resolve(c => c.Source.To);
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
        Field<NonNullGraphType<IdGraphType>>("from").Description("One entity.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IdGraphType>>("to").Description("The other.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("The score; higher is stronger.").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<LinkScoreGraphType>>("method").Description("The scoring method.").Resolve(c => c.Source.Method);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sharedNeighbours").Description("Entities linked to both.").Resolve(c => c.Source.SharedNeighbours);
    }
}

internal sealed class GapReportGraphType : ObjectGraphType<GapReport>
{
    public GapReportGraphType()
    {
        Name = "GapReport";
        Description = "One country against a gap template, on a date.";
        Field<NonNullGraphType<IdGraphType>>("country").Description("The country.").Resolve(c => c.Source.Country);
        Field<NonNullGraphType<IdGraphType>>("template").Description("The template id.").Resolve(c => c.Source.Template);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("The share of eligible items present, 0 to 1.").Resolve(c => c.Source.Score);
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
        Field<NonNullGraphType<GapStatusGraphType>>("status").Description("PRESENT, MISSING, EXPIRED or NOT_ELIGIBLE.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathGraphType>>>>("evidence").Description("The chains that satisfy (or satisfied) the item, with sources.").Resolve(c => c.Source.Evidence);
    }
}

internal sealed class GapCellGraphType : ObjectGraphType<GapCell>
{
    public GapCellGraphType()
    {
        Name = "GapCell";
        Description = "Whether one entity reaches another, for heat maps.";
        Field<NonNullGraphType<IdGraphType>>("from").Description("The row entity.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IdGraphType>>("to").Description("The column entity.").Resolve(c => c.Source.To);
        Field<NonNullGraphType<BooleanGraphType>>("direct").Description("Linked by a relation.").Resolve(c => c.Source.Direct);
        Field<IntGraphType>("distance").Description("Hops of the shortest path within maxHops; null when unreachable.").Resolve(c => c.Source.Distance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("via").Description("The entities in between on a shortest path.").Resolve(c => c.Source.Via);
    }
}
