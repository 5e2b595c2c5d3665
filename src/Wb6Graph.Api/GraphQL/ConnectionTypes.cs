using GraphQL.Types;
using Wb6Graph.Model;

namespace Wb6Graph.Api.GraphQL;

internal sealed record Edge<T>(string Cursor, T Node);

internal sealed class PageInfoGraphType : ObjectGraphType<Page<object>>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in its list (Relay cursor connections).";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("More items follow; pass endCursor as 'after'.").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Items precede this page.").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("The cursor of the first item.").Resolve(c => c.Source.Cursors.FirstOrDefault());
        Field<StringGraphType>("endCursor").Description("The cursor of the last item.").Resolve(c => c.Source.Cursors.LastOrDefault());
    }
}

internal abstract class ConnectionGraphType<TNode, TNodeType, TEdgeType> : ObjectGraphType<Page<TNode>>
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    protected ConnectionGraphType(string name, string what)
    {
        Name = name;
        Description = $"A page of {what}, with cursors.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description($"How many {what} match, on all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Description($"The {what} of this page.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges").Description($"The {what} of this page with their cursors.")
            .Resolve(c => c.Source.Items.Select((item, i) => new Edge<TNode>(c.Source.Cursors[i], item)).ToList());
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Paging information.")
            .Resolve(c => new Page<object>(c.Source.Items.Cast<object>().ToList(), c.Source.Cursors, c.Source.TotalCount, c.Source.HasNextPage, c.Source.HasPreviousPage));
    }
}

internal abstract class EdgeGraphType<TNode, TNodeType> : ObjectGraphType<Edge<TNode>>
    where TNodeType : IGraphType
{
    protected EdgeGraphType(string name)
    {
        Name = name;
        Description = "An item and its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque; pass as 'after' to continue after this item.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item.").Resolve(c => c.Source.Node);
    }
}

internal sealed class EntityEdgeGraphType() : EdgeGraphType<Entity, EntityGraphType>("EntityEdge");

internal sealed class RelationEdgeGraphType() : EdgeGraphType<Relation, RelationGraphType>("RelationEdge");

internal sealed class HistoryEdgeGraphType() : EdgeGraphType<HistoryEntry, HistoryEntryGraphType>("HistoryEdge");

internal sealed class HistoryConnectionGraphType() : ConnectionGraphType<HistoryEntry, HistoryEntryGraphType, HistoryEdgeGraphType>("HistoryConnection", "history entries");

internal sealed class EntityConnectionGraphType() : ConnectionGraphType<Entity, EntityGraphType, EntityEdgeGraphType>("EntityConnection", "entities");

internal sealed class RelationConnectionGraphType() : ConnectionGraphType<Relation, RelationGraphType, RelationEdgeGraphType>("RelationConnection", "relations");

internal sealed record Count(string Name, int Value);

internal sealed class CountGraphType : ObjectGraphType<Count>
{
    public CountGraphType()
    {
        Name = "Count";
        Description = "A count of something by name.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("A kind, type or confidence grade.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many.").Resolve(c => c.Source.Value);
    }
}

internal sealed class StatsGraphType : ObjectGraphType<GraphStats>
{
    public StatsGraphType()
    {
        Name = "Stats";
        Description = "What the store holds.";
        Field<NonNullGraphType<StringGraphType>>("backend").Description("The store backend: embedded or neo4j.").Resolve(c => c.Source.Backend);
        Field<NonNullGraphType<StringGraphType>>("dataVersion").Description("Increases with every committed write; ETags derive from it.")
            .Resolve(c => c.Source.DataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<IntGraphType>>("entities").Description("Entities.").Resolve(c => c.Source.Entities);
        Field<NonNullGraphType<IntGraphType>>("relations").Description("Relations that are not retracted.").Resolve(c => c.Source.Relations);
        Field<NonNullGraphType<IntGraphType>>("retractedRelations").Description("Retracted relations (kept, not counted above).").Resolve(c => c.Source.RetractedRelations);
        Field<NonNullGraphType<IntGraphType>>("sources").Description("Sources.").Resolve(c => c.Source.Sources);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("byKind").Description("Entities by kind.")
            .Resolve(c => c.Source.EntitiesByKind.OrderBy(p => p.Key).Select(p => new Count(p.Key.ToString(), p.Value)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("byType").Description("Relations by type.")
            .Resolve(c => c.Source.RelationsByType.OrderBy(p => p.Key).Select(p => new Count(p.Key.ToString(), p.Value)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("byConfidence").Description("Relations by confidence grade.")
            .Resolve(c => c.Source.RelationsByConfidence.OrderBy(p => p.Key).Select(p => new Count(p.Key.ToString(), p.Value)).ToList());
    }
}
