using Wb6Graph.Engine;
using Wb6Graph.Model;
using static Wb6Graph.Tests.Contract.ContractGraph;

namespace Wb6Graph.Tests.Contract;

/// <summary>
/// What every backend promises, store and questions alike, on <see cref="ContractGraph"/>. Each subclass opens its
/// backend loaded with that graph; a backend passes when it gives these answers, which were worked out by hand.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    private (IGraphStore Store, IGraphQuestions Questions, IAsyncDisposable Owner)? _backend;

    protected IGraphStore Store => _backend!.Value.Store;

    protected IGraphQuestions Questions => _backend!.Value.Questions;

    /// <summary>A backend holding exactly <paramref name="graph"/>, and the questions over it.</summary>
    protected abstract Task<(IGraphStore Store, IGraphQuestions Questions, IAsyncDisposable Owner)> OpenAsync(SeedGraph graph);

    public async Task InitializeAsync() => _backend = await OpenAsync(Build());

    public async Task DisposeAsync()
    {
        if (_backend is { } b) await b.Owner.DisposeAsync();
    }

    [ContractFact]
    public async Task An_entity_is_found_by_id_and_an_unknown_id_is_null()
    {
        var aksk = await Store.GetEntityAsync("aksk");

        Assert.Equal(("Autoriteti Kombëtar për Sigurinë Kibernetike", EntityKind.NationalAuthority, "al"), (aksk!.Name, aksk.Kind, aksk.Country));
        Assert.Equal(["AKSK"], aksk.Aliases);
        Assert.Null(await Store.GetEntityAsync("nobody"));
    }

    [ContractFact]
    public async Task Search_ignores_case_and_diacritics_and_kinds_filter()
    {
        var byAlias = await Store.FindEntitiesAsync(new EntityQuery(Search: "shqiperi"));
        var byName = await Store.FindEntitiesAsync(new EntityQuery(Search: "KOMBETAR"));
        var countries = await Store.FindEntitiesAsync(new EntityQuery(Kinds: new HashSet<EntityKind> { EntityKind.Country }));

        Assert.Equal(["al"], byAlias.Items.Select(e => e.Id));
        Assert.Equal(["aksk"], byName.Items.Select(e => e.Id));
        Assert.Equal(["al", "ba"], countries.Items.Select(e => e.Id).Order());
        Assert.Equal(2, countries.TotalCount);
    }

    [ContractFact]
    public async Task Search_reads_descriptions_and_places_and_ranks_id_and_acronym_then_name_then_alias_then_the_rest()
    {
        var place = await Store.FindEntitiesAsync(new EntityQuery(Search: "tirana"));
        var described = await Store.FindEntitiesAsync(new EntityQuery(Search: "prishtine"));
        var acronym = await Store.FindEntitiesAsync(new EntityQuery(Search: "aksk"));
        var ranked = await Store.FindEntitiesAsync(new EntityQuery(Search: "kosovar"));

        Assert.Equal(["roundtable"], place.Items.Select(e => e.Id));
        Assert.Equal(["kcss"], described.Items.Select(e => e.Id));
        Assert.Equal("aksk", acronym.Items[0].Id);
        Assert.Equal(["kcss"], ranked.Items.Select(e => e.Id));
    }

    [ContractFact]
    public async Task Paging_visits_every_entity_once()
    {
        var seen = new List<string>();
        string? after = null;
        Page<Entity> page;
        do
        {
            page = await Store.FindEntitiesAsync(new EntityQuery(First: 4, After: after));
            Assert.True(page.Items.Count <= 4);
            seen.AddRange(page.Items.Select(e => e.Id));
            after = page.Cursors.Count > 0 ? page.Cursors[^1] : null;
        }
        while (page.HasNextPage);

        Assert.Equal(11, page.TotalCount);
        Assert.Equal(Build().Entities.Select(e => e.Id).Order(), seen.Order());
    }

    [ContractFact]
    public async Task Retracted_relations_are_left_out_unless_asked_for()
    {
        var plain = await Store.FindRelationsAsync(new RelationQuery(From: "kcss"));
        var all = await Store.FindRelationsAsync(new RelationQuery(From: "kcss", IncludeRetracted: true));

        Assert.DoesNotContain(plain.Items, r => r.Type == RelationType.FUNDS);
        Assert.Equal(2, plain.TotalCount);
        Assert.Contains(all.Items, r => r.Type == RelationType.FUNDS && r.Retracted is not null);
    }

    [ContractFact]
    public async Task AsOf_keeps_only_what_held_that_day()
    {
        var types = new HashSet<RelationType> { RelationType.BENEFICIARY_OF, RelationType.APPLIES };
        var in2022 = await Store.FindRelationsAsync(new RelationQuery(Types: types, AsOf: Y2022));
        var in2025 = await Store.FindRelationsAsync(new RelationQuery(Types: types, AsOf: Y2025));

        Assert.Equal(["al-applies-strat-old"], in2022.Items.Select(r => r.Id));
        Assert.Equal(["al-beneficiary-of-wb3c", "ba-beneficiary-of-wb3c"], in2025.Items.Select(r => r.Id).Order());
    }

    [ContractFact]
    public async Task A_written_relation_is_read_back_and_bumps_the_data_version()
    {
        var before = Store.DataVersion;

        var added = await Store.AddRelationAsync(new RelationInput(null, "COOPERATES_WITH", "kcss", "enisa", new DateOnly(2024, 9, 3), null, null, "M", null, SourceRefs.Of("src-a")));

        Assert.Equal(("kcss", "enisa", Origin.User), (added.From, added.To, added.Origin));
        // Field by field: a record's lists compare by reference, and a backend that reads the fact back builds new ones.
        var read = await Store.GetRelationAsync(added.Id);
        Assert.Equal((added.Id, added.Type, added.From, added.To, added.ValidFrom, added.Confidence, added.Origin),
            (read!.Id, read.Type, read.From, read.To, read.ValidFrom, read.Confidence, read.Origin));
        Assert.Equal(added.Sources, read.Sources);
        Assert.True(Store.DataVersion > before);
    }

    [ContractFact]
    public async Task A_bad_write_names_the_field_and_stores_nothing()
    {
        var e = await Assert.ThrowsAsync<GraphValidationException>(() =>
            Store.AddRelationAsync(new RelationInput(null, "COOPERATES_WITH", "kcss", "nobody", null, null, null, "M", null, SourceRefs.Of("src-a"))));
        var noSource = await Assert.ThrowsAsync<GraphValidationException>(() =>
            Store.AddRelationAsync(new RelationInput(null, "COOPERATES_WITH", "kcss", "enisa", null, null, null, "M", null, SourceRefs.Of())));

        Assert.Contains(e.Errors, x => x.Where.EndsWith("to", StringComparison.Ordinal) && x.Value == "nobody");
        Assert.NotEmpty(noSource.Errors);
        Assert.Equal(2, (await Store.FindRelationsAsync(new RelationQuery(From: "kcss"))).TotalCount);
    }

    [ContractFact]
    public async Task Ending_a_relation_keeps_its_history()
    {
        await Store.EndRelationAsync("al-party-to-budapest", new DateOnly(2024, 1, 1), SourceRefs.Of("src-a"));

        var types = new HashSet<RelationType> { RelationType.PARTY_TO };
        Assert.Equal(["ba-party-to-budapest"], (await Store.FindRelationsAsync(new RelationQuery(Types: types, AsOf: Y2025))).Items.Select(r => r.Id));
        Assert.Equal(2, (await Store.FindRelationsAsync(new RelationQuery(Types: types, AsOf: Y2022))).TotalCount);
        Assert.Equal(new DateOnly(2024, 1, 1), (await Store.GetRelationAsync("al-party-to-budapest"))!.ValidTo);
    }
}
