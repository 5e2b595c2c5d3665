using Bogus;
using Wb6Graph.Model;

namespace Wb6Graph.Generate;

/// <summary>
/// A reproducible synthetic graph for load and benchmark runs: plausible names, a realistic mix of kinds and a
/// skewed (R-MAT) degree distribution, streamed so that 1M entities / 10M relations fit in bounded memory.
/// Each stream can be enumerated any number of times and yields the same records for the same seed.
/// Types are drawn whatever the kinds of the ends: the graph measures traversal cost, and it is bulk-imported without
/// the vocabulary's domain and range checks.
/// </summary>
public sealed class SyntheticGraph
{
    public const int MaxEntities = 1_000_000;
    public const long MaxRelations = 10_000_000;

    // Ids and names fit the seeds: the handful of Western Balkan countries, and none for EU or global bodies.
    private static readonly string?[] _countries = ["al", "ba", "me", "mk", "rs", "xk", "al", "rs", null];

    private readonly Lazy<int[]> _idOf;

    /// <exception cref="ArgumentOutOfRangeException">A count is negative or above the supported maximum.</exception>
    public SyntheticGraph(int entities, long relations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entities);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entities, MaxEntities);
        ArgumentOutOfRangeException.ThrowIfNegative(relations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(relations, MaxRelations);
        if (relations > 0 && entities < 2)
            throw new ArgumentOutOfRangeException(nameof(entities), "Relations need at least two entities (self loops are never generated).");
        EntityCount = entities;
        RelationCount = relations;
        Seed = seed;
        SourceCount = Math.Clamp(entities / 1000, 5, 50);
        _idOf = new Lazy<int[]>(() => Permutation(entities, seed));
    }

    public int EntityCount { get; }

    public long RelationCount { get; }

    public int Seed { get; }

    public int SourceCount { get; }

    /// <summary>
    /// The id of the entity at an index. Ids are a seeded permutation of 0..n-1 so that id order says nothing
    /// about degree: R-MAT gives the low indices the most relations, and stores must not profit from that.
    /// </summary>
    public string EntityId(int index) => $"e-{_idOf.Value[index]}";

    public static string SourceId(int index) => $"s-{index}";

    public IEnumerable<Source> Sources()
    {
        var faker = NewFaker(1);
        for (var i = 0; i < SourceCount; i++)
        {
            var kind = faker.Random.WeightedRandom([SourceKind.Official, SourceKind.Secondary, SourceKind.Press], [0.5f, 0.3f, 0.2f]);
            var published = RandomDay(faker.Random, 2005, 2026);
            yield return new Source(
                SourceId(i),
                faker.Company.CatchPhrase(),
                faker.Company.CompanyName(),
                published,
                faker.Internet.UrlWithPath("https"),
                null,
                kind,
                published.AddDays(faker.Random.Int(0, 400)),
                Origin.User);
        }
    }

    public IEnumerable<Entity> Entities()
    {
        var faker = NewFaker(2);
        var kinds = KindMix.Kinds;
        var weights = KindMix.Weights;
        for (var i = 0; i < EntityCount; i++)
        {
            var kind = faker.Random.WeightedRandom(kinds, weights);
            PartialDate? from = faker.Random.Bool(0.2f) ? RandomDay(faker.Random, 1990, 2026) : null;
            PartialDate? to = from is { } f && faker.Random.Bool(0.1f) ? f.First.AddDays(faker.Random.Int(30, 3650)) : null;
            yield return new Entity(
                EntityId(i),
                kind,
                KindMix.Name(faker, kind),
                [],
                faker.Random.ArrayElement(_countries),
                null,
                [],
                from,
                to,
                [SourceId(faker.Random.Int(0, SourceCount - 1))],
                Origin.User);
        }
    }

    public IEnumerable<Relation> Relations()
    {
        var random = new Random(Mix(Seed, 3));
        var rmat = new Rmat(EntityCount);
        var types = Enum.GetValues<RelationType>();
        for (long i = 0; i < RelationCount; i++)
        {
            var (from, to) = rmat.Next(random);
            var type = types[random.Next(types.Length)];
            var roll = random.NextDouble();
            var confidence = roll < 0.7 ? Confidence.H : roll < 0.92 ? Confidence.M : Confidence.L;

            // 30% dated; a third of those (10% of all) also ended some time later. An act keeps only its date.
            DateOnly? validFrom = null, validTo = null;
            if (random.NextDouble() < 0.3)
            {
                validFrom = RandomDay(random, 2000, 2026);
                if (random.NextDouble() < 1.0 / 3) validTo = validFrom.Value.AddDays(1 + random.Next(3650));
            }
            var act = Vocabulary.Info(type).IsAct;

            yield return new Relation(
                $"r-{i}", type, EntityId(from), EntityId(to), act ? null : validFrom, act ? null : validTo, null, confidence,
                [], [SourceId(random.Next(SourceCount))], null, Origin.User)
            {
                OccurredOn = act ? validFrom : null,
            };
        }
    }

    // A Faker of its own per stream: Bogus's Randomizer.Seed is process-wide and would couple the streams.
    private Faker NewFaker(int stream) => new("en") { Random = new Randomizer(Mix(Seed, stream)) };

    // Not HashCode.Combine: it is randomised per process, and the graph must be the same in every run.
    private static int Mix(int seed, int stream) => unchecked((seed * 486187739) ^ (stream * 16777619 + stream));

    private static DateOnly RandomDay(Randomizer random, int fromYear, int toYear) =>
        DateOnly.FromDayNumber(random.Int(new DateOnly(fromYear, 1, 1).DayNumber, new DateOnly(toYear, 12, 31).DayNumber));

    private static DateOnly RandomDay(Random random, int fromYear, int toYear) =>
        DateOnly.FromDayNumber(random.Next(new DateOnly(fromYear, 1, 1).DayNumber, new DateOnly(toYear, 12, 31).DayNumber + 1));

    private static int[] Permutation(int count, int seed)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++) ids[i] = i;
        new Random(Mix(seed, 0)).Shuffle(ids);
        return ids;
    }
}
