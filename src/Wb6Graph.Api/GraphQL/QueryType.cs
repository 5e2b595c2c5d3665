using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wb6Graph.Api.Http;
using Wb6Graph.Engine;
using Wb6Graph.Gaps;
using Wb6Graph.Model;

namespace Wb6Graph.Api.GraphQL;

internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Reads: lookups, lists, and the path and gap questions. Open unless the API is configured to need a key for reads.";

        Field<EntityGraphType>("entity").Description("One entity by id; null if there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The entity's id, e.g. wb3c.")
            .Resolve(c => Resolvers.Loaders(c).Entities.Load(c.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<EntityGraphType>>>("entitiesByIds")
            .Description("Entities by id, in the order asked, with null for an id that names none: one request for a dashboard's fixed list.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The ids, e.g. [\"al\", \"enisa\"].")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                var max = c.RequestServices!.GetRequiredService<IOptions<ApiOptions>>().Value.MaxPageSize;
                if (ids.Count > max)
                    throw new GraphValidationException([new("ids", ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at most {max} ids at once")]);
                var loader = Resolvers.Loaders(c).Entities;
                var pending = ids.Select(loader.Load).ToList();
                return new Deferred<IReadOnlyList<Entity?>>(async ct =>
                {
                    var list = new List<Entity?>(pending.Count);
                    foreach (var p in pending) list.Add(await p.GetResultAsync(ct));
                    return list;
                });
            });

        Field<NonNullGraphType<EntityConnectionGraphType>>("entities")
            .Description("Entities by kind, country and text, a page at a time. Search ranks exact ids and acronyms first, then names, aliases, and the rest (descriptions, places, text attributes), ignoring case and diacritics.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindGraphType>>>("kind", "Only these kinds.")
            .Argument<IdGraphType>("country", "Only entities of this country (and the country itself).")
            .Argument<StringGraphType>("search", "Text to find: 'qkss', 'Shqiperi', 'Crna Gora', 'Podgorica', 'conference'.")
            .Argument<DateGraphType>("asOf", "Only entities that existed on this date.")
            .Argument<IntGraphType>("first", "Page size (default 50).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async c => await Store(c).FindEntitiesAsync(new EntityQuery(
                c.GetArgument<List<EntityKind>?>("kind")?.ToHashSet(), c.GetArgument<string?>("country"), c.GetArgument<string?>("search"),
                c.GetArgument<DateOnly?>("asOf"), PageSize(c), c.GetArgument<string?>("after")), c.CancellationToken));

        Field<RelationGraphType>("relation").Description("One relation by id, retracted or not; null if there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The relation's id, e.g. fr-founded-wb3c.")
            .ResolveAsync(async c => await Store(c).GetRelationAsync(c.GetArgument<string>("id"), true, c.CancellationToken));

        Field<NonNullGraphType<RelationConnectionGraphType>>("relations")
            .Description("Relations by type and ends. Without asOf: every fact that is not retracted, history included.")
            .Argument<ListGraphType<NonNullGraphType<RelationTypeGraphType>>>("types", "Only these types.")
            .Argument<IdGraphType>("from", "Only relations from this entity.")
            .Argument<IdGraphType>("to", "Only relations to this entity.")
            .Argument<DateGraphType>("asOf", "Only relations (and ends) that held on this date.")
            .Argument<BooleanGraphType>("includeRetracted", "Also list retracted relations (default false).")
            .Argument<IntGraphType>("first", "Page size (default 50).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async c => await Store(c).FindRelationsAsync(new RelationQuery(
                c.GetArgument<List<RelationType>?>("types")?.ToHashSet(), c.GetArgument<string?>("from"), c.GetArgument<string?>("to"),
                c.GetArgument<DateOnly?>("asOf"), c.GetArgument("includeRetracted", false), PageSize(c), c.GetArgument<string?>("after")), c.CancellationToken));

        Field<SourceGraphType>("source").Description("One source by id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The source's id.")
            .Resolve(c => Resolvers.Loaders(c).Sources.Load(c.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("sources").Description("Every source, by id.")
            .ResolveAsync(async c => await Store(c).GetSourcesAsync(null, c.CancellationToken));

        Field<NonNullGraphType<StatsGraphType>>("stats").Description("Counts by kind, type and confidence; the backend and the data version.")
            .ResolveAsync(async c => await Store(c).GetStatsAsync(c.CancellationToken));

        AddPathFields();
        AddGapFields();
        AddHistoryFields();
    }

    private void AddHistoryFields()
    {
        Field<NonNullGraphType<HistoryConnectionGraphType>>("events")
            .Description("Acts that occurred in a window (both days inclusive), newest first: foundings, signatures, adoptions, events taken part in.")
            .Argument<DateGraphType>("from", "From this day.")
            .Argument<DateGraphType>("to", "Until this day.")
            .Argument<IdGraphType>("country", "Only acts of this country or its entities.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindGraphType>>>("kinds", "Only acts with an end of these kinds.")
            .Argument<ListGraphType<NonNullGraphType<RelationTypeGraphType>>>("types", "Only these relation types.")
            .Argument<IntGraphType>("first", "Page size (default 50).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async c => await Store(c).FindHistoryAsync(History(c) with
            {
                Kinds = c.GetArgument<List<EntityKind>?>("kinds")?.ToHashSet(),
                Types = c.GetArgument<List<RelationType>?>("types")?.ToHashSet(),
                ActsOnly = true,
                NewestFirst = true,
            }, c.CancellationToken));

        Field<NonNullGraphType<HistoryConnectionGraphType>>("changes")
            .Description("What changed in a window, oldest first: states that began or ended and acts that occurred, each with its sources.")
            .Argument<DateGraphType>("from", "From this day.")
            .Argument<DateGraphType>("to", "Until this day.")
            .Argument<IdGraphType>("country", "Only changes of this country or its entities.")
            .Argument<IntGraphType>("first", "Page size (default 50).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async c => await Store(c).FindHistoryAsync(History(c), c.CancellationToken));
    }

    private static HistoryQuery History(IResolveFieldContext c)
    {
        var from = c.GetArgument<DateOnly?>("from");
        var to = c.GetArgument<DateOnly?>("to");
        if (from > to) throw new GraphValidationException([new("to", to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "to must not be before from")]);
        return new HistoryQuery(from, to, c.GetArgument<string?>("country"), First: PageSize(c), After: c.GetArgument<string?>("after"));
    }

    private void AddPathFields()
    {
        Field<PathGraphType>("shortestPath").Description("The shortest path between two entities, following relations either way unless forwardOnly; null if none within maxHops.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "Where the path starts.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "Where it ends.")
            .Argument<IntGraphType>("maxHops", "At most this many hops (default and cap configurable).")
            .Argument<ListGraphType<NonNullGraphType<RelationTypeGraphType>>>("types", "Only these relation types.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindGraphType>>>("kinds", "Only pass through entities of these kinds.")
            .Argument<DateGraphType>("asOf", "Only what held on this date.")
            .Argument<BooleanGraphType>("forwardOnly", "Follow relations only from subject to object (default false).")
            .Argument<PathWeightingGraphType>("weighting", "HOPS (default) or EVIDENCE.", a => a.DefaultValue = PathWeighting.Hops)
            .ResolveAsync(async c => Capped(c, await Questions(c).ShortestPathAsync(c.GetArgument<string>("from"), c.GetArgument<string>("to"), Traversal(c), c.GetArgument("weighting", PathWeighting.Hops), c.CancellationToken)));

        Field<ListGraphType<NonNullGraphType<PathGraphType>>>("paths").Description("The k shortest simple paths, ranked (Yen's algorithm); null with an error naming the argument when an id is unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "Where the paths start.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "Where they end.")
            .Argument<IntGraphType>("k", "How many paths (default 3, capped).", a => a.DefaultValue = 3)
            .Argument<IntGraphType>("maxHops", "At most this many hops.")
            .Argument<ListGraphType<NonNullGraphType<RelationTypeGraphType>>>("types", "Only these relation types.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindGraphType>>>("kinds", "Only pass through entities of these kinds.")
            .Argument<DateGraphType>("asOf", "Only what held on this date.")
            .Argument<BooleanGraphType>("forwardOnly", "Follow relations only from subject to object.")
            .ResolveAsync(async c => Capped(c, await Questions(c).PathsAsync(c.GetArgument<string>("from"), c.GetArgument<string>("to"), c.GetArgument("k", 3), Traversal(c), PathWeighting.Hops, c.CancellationToken)));

        Field<SubgraphGraphType>("neighbourhood").Description("The entities within depth hops and the relations among them; null with an error naming the id when there is no such entity.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The centre.")
            .Argument<IntGraphType>("depth", "Hops (default 1, capped).", a => a.DefaultValue = 1)
            .Argument<ListGraphType<NonNullGraphType<RelationTypeGraphType>>>("types", "Only these relation types.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindGraphType>>>("kinds", "Only entities of these kinds.")
            .Argument<DateGraphType>("asOf", "Only what held on this date.")
            .Argument<IntGraphType>("limit", "At most this many entities.")
            .ResolveAsync(async c => Capped(c, await Questions(c).NeighbourhoodAsync(c.GetArgument<string>("id"), c.GetArgument("depth", 1), Traversal(c), c.GetArgument<int?>("limit"), c.CancellationToken)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankedEntityGraphType>>>>("centrality")
            .Description("Who brokers between the WB6 and the EU. Ranks institutions (countries, authorities, CSIRTs, bodies, organisations, networks) unless kinds says otherwise: an event is where brokers meet, not a broker.")
            .Argument<CentralityMeasureGraphType>("measure", "BETWEENNESS (default) or DEGREE.", a => a.DefaultValue = CentralityMeasure.Betweenness)
            .Argument<ListGraphType<NonNullGraphType<EntityKindGraphType>>>("kinds", "Rank only entities of these kinds (default: the institutions).")
            .Argument<DateGraphType>("asOf", "The graph as on this date.")
            .Argument<IntGraphType>("limit", "How many (default 20).")
            .ResolveAsync(async c => Capped(c, await Available(() => Questions(c).CentralityAsync(c.GetArgument("measure", CentralityMeasure.Betweenness),
                c.GetArgument<List<EntityKind>?>("kinds") is { Count: > 0 } kinds ? kinds.ToHashSet() : Vocabulary.InstitutionKinds,
                c.GetArgument<DateOnly?>("asOf"), c.GetArgument<int?>("limit"), c.CancellationToken))));

        Field<ListGraphType<NonNullGraphType<LinkSuggestionGraphType>>>("suggestedLinks")
            .Description("Absent links the network suggests, best first: only between kinds that an institutional relation type could join, and naming those types. Null with an error naming the argument when an id is unknown.")
            .Argument<IdGraphType>("id", "Suggestions for this entity; without it, across the graph (bounded).")
            .Argument<ListGraphType<NonNullGraphType<EntityKindGraphType>>>("fromKinds", "Without id: only suggestions from these kinds.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("countries", "Without id: only suggestions from these countries and from the entities of these countries.")
            .Argument<ListGraphType<NonNullGraphType<EntityKindGraphType>>>("toKinds", "Only suggestions to these kinds.")
            .Argument<LinkScoreGraphType>("method", "The score (default ADAMIC_ADAR).", a => a.DefaultValue = LinkScore.AdamicAdar)
            .Argument<IntGraphType>("limit", "How many (default 10).")
            .Argument<DateGraphType>("asOf", "The graph as on this date.")
            .ResolveAsync(async c => Capped(c, await Questions(c).SuggestedLinksAsync(c.GetArgument<string?>("id"), c.GetArgument<List<EntityKind>?>("fromKinds")?.ToHashSet(),
                c.GetArgument<List<string>?>("countries"), c.GetArgument<List<EntityKind>?>("toKinds")?.ToHashSet(), c.GetArgument("method", LinkScore.AdamicAdar), c.GetArgument<int?>("limit"),
                c.GetArgument<DateOnly?>("asOf"), c.CancellationToken)));
    }

    private void AddGapFields()
    {
        Field<ListGraphType<NonNullGraphType<GapReportGraphType>>>("gaps")
            .Description("Which expected links a country lacks on a date (default today); without country, all six WB6 countries. Null with an error naming the argument when the country or template is unknown.")
            .Argument<IdGraphType>("country", "One country; omit for the template's countries.")
            .Argument<IdGraphType>("template", "The gap template (default eu-alignment).", a => a.DefaultValue = "eu-alignment")
            .Argument<DateGraphType>("asOf", "The date the report is about (default today, UTC).")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument("template", "eu-alignment");
                var template = c.RequestServices!.GetRequiredService<GapTemplateCatalog>().Find(id)
                    ?? throw new GraphValidationException([new("template", id, "unknown gap template")]);
                return await Questions(c).GapsAsync(template, c.GetArgument<string?>("country"), c.GetArgument<DateOnly?>("asOf") ?? DateOnly.FromDateTime(DateTime.UtcNow), c.CancellationToken);
            });

        Field<ListGraphType<NonNullGraphType<GapCellGraphType>>>("gapMatrix")
            .Description("For heat maps: which entities reach which, directly, within maxHops, or not at all, through institutional ties unless asked otherwise (advocating for ENISA is not a tie to it). Null with an error naming the argument when an id is unknown.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("from", "Row entities (e.g. WB6 institutions).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("to", "Column entities (e.g. EU bodies).")
            .Argument<IntGraphType>("maxHops", "At most this many hops.")
            .Argument<ListGraphType<NonNullGraphType<RelationTypeGraphType>>>("types", "Only these relation types (overrides classes).")
            .Argument<ListGraphType<NonNullGraphType<RelationClassGraphType>>>("classes", "Only relations of these classes (default INSTITUTIONAL).")
            .Argument<DateGraphType>("asOf", "Only what held on this date.")
            .ResolveAsync(async c =>
            {
                var options = Traversal(c);
                if (options.Types is null)
                {
                    var classes = c.GetArgument<List<RelationClass>?>("classes") is { Count: > 0 } given ? given : [RelationClass.Institutional];
                    options = options with { Types = classes.SelectMany(Vocabulary.OfClass).ToHashSet() };
                }
                return Capped(c, await Questions(c).GapMatrixAsync(c.GetArgument<List<string>>("from"), c.GetArgument<List<string>>("to"), options, c.CancellationToken));
            });
    }

    private static IGraphStore Store(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IGraphStore>();

    private static IGraphQuestions Questions(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<IGraphQuestions>();

    /// <summary>A question the backend cannot answer as configured becomes an error with its code, not an opaque internal error.</summary>
    private static async Task<T> Available<T>(Func<Task<T>> question)
    {
        try
        {
            return await question();
        }
        catch (QuestionUnavailableException e)
        {
            throw new ExecutionError(e.Message) { Code = e.Code };
        }
    }

    private static TraversalOptions Traversal(IResolveFieldContext c) => new(
        c.GetArgument<List<RelationType>?>("types")?.ToHashSet(),
        c.GetArgument<List<EntityKind>?>("kinds")?.ToHashSet(),
        c.GetArgument<DateOnly?>("asOf"),
        c.GetArgument("forwardOnly", false),
        c.GetArgument<int?>("maxHops"));

    private static int PageSize(IResolveFieldContext c)
    {
        var max = c.RequestServices!.GetRequiredService<IOptions<ApiOptions>>().Value.MaxPageSize;
        var first = c.GetArgument("first", 50);
        if (first < 0 || first > max)
            throw new GraphValidationException([new("first", first.ToString(System.Globalization.CultureInfo.InvariantCulture), $"first must be between 0 and {max}")]);
        return first;
    }

    /// <summary>
    /// A bounded answer that a server cap may have cut says so in the response's extensions: capped lists the fields
    /// by their place in the response (their alias, if they have one).
    /// </summary>
    private static T Capped<T>(IResolveFieldContext c, Bounded<T> answer)
    {
        if (answer.Capped) AddCapped(c);
        return answer.Value;
    }

    /// <summary>A neighbourhood says so when a server cap (depth, size) cut it; a limit the client chose cuts it only in its truncated field.</summary>
    private static Subgraph Capped(IResolveFieldContext c, Subgraph answer)
    {
        if (answer.Capped) AddCapped(c);
        return answer;
    }

    private static void AddCapped(IResolveFieldContext c)
    {
        lock (c.OutputExtensions)
        {
            var list = c.OutputExtensions.TryGetValue("capped", out var v) && v is List<string> l ? l : [];
            list.Add(string.Join('.', c.ResponsePath));
            c.OutputExtensions["capped"] = list;
        }
    }
}
