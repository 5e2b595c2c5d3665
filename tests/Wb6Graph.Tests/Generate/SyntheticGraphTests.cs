using Wb6Graph.Generate;
using Wb6Graph.Model;
using Wb6Graph.Tests.Support;

namespace Wb6Graph.Tests.Generate;

public sealed class SyntheticGraphTests
{
    [Fact]
    public void Same_seed_gives_the_same_graph()
    {
        var a = new SyntheticGraph(500, 2_000, seed: 42);
        var b = new SyntheticGraph(500, 2_000, seed: 42);

        GraphAssert.Equal(Materialise(a), Materialise(b));
        // A stream enumerated twice is the same stream.
        GraphAssert.Equal(Materialise(a), Materialise(a));
    }

    [Fact]
    public void Different_seeds_give_different_graphs()
    {
        var a = Materialise(new SyntheticGraph(500, 2_000, seed: 1));
        var b = Materialise(new SyntheticGraph(500, 2_000, seed: 2));

        Assert.NotEqual(a.Entities.Select(e => e.Name), b.Entities.Select(e => e.Name));
        Assert.NotEqual(a.Relations.Select(r => (r.From, r.To)), b.Relations.Select(r => (r.From, r.To)));
    }

    [Fact]
    public void Ids_are_unique_shuffled_and_every_relation_joins_two_distinct_entities()
    {
        var graph = Materialise(new SyntheticGraph(1_000, 5_000, seed: 3));

        var ids = graph.Entities.Select(e => e.Id).ToList();
        Assert.Equal(1_000, ids.ToHashSet().Count);
        Assert.Equal(Enumerable.Range(0, 1_000).Select(n => $"e-{n}").Order(), ids.Order());
        Assert.NotEqual(Enumerable.Range(0, 1_000).Select(n => $"e-{n}"), ids);
        Assert.All(ids, id => Assert.True(Ids.IsValid(id)));

        var known = ids.ToHashSet();
        var sources = graph.Sources.Select(s => s.Id).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 5_000).Select(n => $"r-{n}"), graph.Relations.Select(r => r.Id));
        Assert.All(graph.Relations, r =>
        {
            Assert.NotEqual(r.From, r.To);
            Assert.Contains(r.From, known);
            Assert.Contains(r.To, known);
            Assert.Contains(Assert.Single(r.Sources).Source, sources);
        });
        Assert.All(graph.Entities, e => Assert.Contains(Assert.Single(e.Sources).Source, sources));
    }

    [Fact]
    public void Degrees_are_skewed_and_unrelated_to_id_order()
    {
        var graph = Materialise(new SyntheticGraph(4_096, 40_000, seed: 42));

        var degree = graph.Relations.SelectMany(r => new[] { r.From, r.To }).CountBy(id => id).ToDictionary();
        var mean = 2.0 * graph.Relations.Count / graph.Entities.Count;
        var max = degree.Values.Max();
        Assert.True(max > 20 * mean, $"max degree {max} vs mean {mean:F1}");

        // The busiest entity is not simply e-0: the permutation hides R-MAT's low-index bias.
        var top = degree.OrderByDescending(d => d.Value).Take(10).Select(d => d.Key).ToList();
        Assert.NotEqual(Enumerable.Range(0, 10).Select(n => $"e-{n}").Order(), top.Order());
    }

    [Fact]
    public void Facts_have_the_intended_mix_of_dates_and_confidence()
    {
        var relations = Materialise(new SyntheticGraph(2_000, 20_000, seed: 5)).Relations;

        var dated = relations.Count(r => r.Start is not null) / (double)relations.Count;
        var states = relations.Where(r => !r.IsAct).ToList();
        var ended = states.Count(r => r.ValidTo is not null) / (double)states.Count;
        Assert.InRange(dated, 0.27, 0.33);
        Assert.InRange(ended, 0.08, 0.12);
        Assert.All(relations.Where(r => r.IsAct), r => Assert.Null(r.ValidTo));
        Assert.All(states.Where(r => r.ValidTo is not null), r => Assert.True(r.ValidTo!.Value.First > r.ValidFrom!.Value.First));
        Assert.All(relations.Where(r => r.Start is not null), r => Assert.InRange(r.Start!.Value.First.Year, 2000, 2026));
        var high = relations.Count(r => r.Confidence == Confidence.H) / (double)relations.Count;
        Assert.InRange(high, 0.6, 0.8);
        Assert.True(relations.Select(r => r.Type).Distinct().Count() > 20);
    }

    [Fact]
    public void Entities_use_many_kinds_and_a_handful_of_countries()
    {
        var entities = Materialise(new SyntheticGraph(5_000, 0, seed: 9)).Entities;

        Assert.True(entities.Select(e => e.Kind).Distinct().Count() >= 15);
        Assert.Equal(EntityKind.Person, entities.CountBy(e => e.Kind).MaxBy(k => k.Value).Key);
        Assert.InRange(entities.Select(e => e.Country).Distinct().Count(), 2, 8);
        Assert.All(entities, e => Assert.False(string.IsNullOrWhiteSpace(e.Name)));
    }

    [Theory]
    [InlineData(SyntheticGraph.MaxEntities + 1, 0L)]
    [InlineData(10, SyntheticGraph.MaxRelations + 1)]
    [InlineData(-1, 0L)]
    [InlineData(1, 5L)]
    public void Sizes_beyond_the_limits_are_refused(int entities, long relations) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticGraph(entities, relations, 1));

    [Fact]
    public void The_largest_graph_starts_streaming_without_materialising()
    {
        var graph = new SyntheticGraph(SyntheticGraph.MaxEntities, SyntheticGraph.MaxRelations, seed: 1);

        var first = graph.Relations().Take(1_000).ToList();

        Assert.Equal(1_000, first.Count);
        Assert.Equal(10, graph.Entities().Take(10).Count());
    }

    private static SeedGraph Materialise(SyntheticGraph g) => new([.. g.Sources()], [.. g.Entities()], [.. g.Relations()]);
}
