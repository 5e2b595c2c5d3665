using Wb6Graph.Model;

namespace Wb6Graph.Tests.Support;

/// <summary>
/// Equality for model records, whose IReadOnlyList fields compare by reference: lists are compared element-wise,
/// the rest by the record's own equality.
/// </summary>
public static class GraphAssert
{
    private static readonly IReadOnlyList<string> _noStrings = Array.Empty<string>();
    private static readonly IReadOnlyList<Citation> _noCitations = Array.Empty<Citation>();
    private static readonly IReadOnlyList<AttributeValue> _noAttributes = Array.Empty<AttributeValue>();

    public static void Equal(SeedGraph expected, SeedGraph actual)
    {
        Assert.Equal(expected.Sources.Count, actual.Sources.Count);
        Assert.Equal(expected.Entities.Count, actual.Entities.Count);
        Assert.Equal(expected.Relations.Count, actual.Relations.Count);
        for (var i = 0; i < expected.Sources.Count; i++) Assert.Equal(expected.Sources[i], actual.Sources[i]);
        for (var i = 0; i < expected.Entities.Count; i++) Equal(expected.Entities[i], actual.Entities[i]);
        for (var i = 0; i < expected.Relations.Count; i++) Equal(expected.Relations[i], actual.Relations[i]);
        Assert.Equal(expected.Absences.Count, actual.Absences.Count);
        for (var i = 0; i < expected.Absences.Count; i++)
        {
            Assert.Equal(expected.Absences[i] with { Sources = _noCitations }, actual.Absences[i] with { Sources = _noCitations });
            Assert.Equal(expected.Absences[i].Sources, actual.Absences[i].Sources);
        }
    }

    public static void Equal(Entity expected, Entity actual)
    {
        Assert.Equal(Flat(expected), Flat(actual));
        Assert.Equal(expected.Aliases, actual.Aliases);
        Assert.Equal(expected.Attributes, actual.Attributes);
        Assert.Equal(expected.Sources, actual.Sources);
    }

    public static void Equal(Relation expected, Relation actual)
    {
        Assert.Equal(Flat(expected), Flat(actual));
        Assert.Equal(expected.Attributes, actual.Attributes);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Retracted is null, actual.Retracted is null);
        if (expected.Retracted is { } e && actual.Retracted is { } a)
        {
            Assert.Equal(e with { Sources = _noCitations }, a with { Sources = _noCitations });
            Assert.Equal(e.Sources, a.Sources);
        }
    }

    private static Entity Flat(Entity e) => e with { Aliases = _noStrings, Attributes = _noAttributes, Sources = _noCitations };

    private static Relation Flat(Relation r) => r with { Attributes = _noAttributes, Sources = _noCitations, Retracted = null };
}
