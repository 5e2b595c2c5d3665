using Wb6Graph.Model;

namespace Wb6Graph.Embedded;

/// <summary>Entities by dense index, with the columns that traversals and search read.</summary>
internal sealed class EntityTable
{
    public EntityTable(IReadOnlyList<(long Key, Entity Entity)> rows)
    {
        Count = rows.Count;
        Keys = new long[Count];
        Records = new Entity[Count];
        Kinds = new EntityKind[Count];
        ValidFrom = new int[Count];
        ValidTo = new int[Count];
        Folded = new string[Count][];
        IndexOf = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var (key, e) = rows[i];
            Keys[i] = key;
            Records[i] = e;
            Kinds[i] = e.Kind;
            ValidFrom[i] = Validity.FromDay(e.ValidFrom);
            ValidTo[i] = Validity.ToDay(e.ValidTo);
            Folded[i] = FoldNames(e);
            IndexOf[e.Id] = i;
        }
        OrderById = Enumerable.Range(0, Count).ToArray();
        var ids = Records.Select(r => r.Id).ToArray();
        Array.Sort(ids, OrderById, StringComparer.Ordinal);
        OrderedIds = ids;
    }

    public int Count { get; }

    public long[] Keys { get; }

    public Entity[] Records { get; }

    public EntityKind[] Kinds { get; }

    public int[] ValidFrom { get; }

    public int[] ValidTo { get; }

    /// <summary>Name, aliases and id of each entity, folded for diacritic- and case-insensitive search.</summary>
    public string[][] Folded { get; }

    public Dictionary<string, int> IndexOf { get; }

    /// <summary>Entity indexes sorted by id (ordinal), and the ids in that order, for stable cursors.</summary>
    public int[] OrderById { get; }

    public string[] OrderedIds { get; }

    public IEnumerable<(long Key, Entity Entity)> Rows() => Keys.Zip(Records);

    public bool IsValidOn(int i, int day) => ValidFrom[i] <= day && day < ValidTo[i];

    private static string[] FoldNames(Entity e)
    {
        var names = new string[e.Aliases.Count + 2];
        names[0] = TextSearch.Fold(e.Name);
        for (var i = 0; i < e.Aliases.Count; i++) names[i + 1] = TextSearch.Fold(e.Aliases[i]);
        names[^1] = e.Id;
        return names;
    }
}

/// <summary>The per-relation columns; Details holds whole records when the graph is small enough to keep them.</summary>
internal sealed class RelationTable
{
    public RelationTable(int count, bool keepDetails)
    {
        Count = count;
        Keys = new long[count];
        Types = new RelationType[count];
        Flags = new byte[count];
        Confidences = new Confidence[count];
        From = new int[count];
        To = new int[count];
        ValidFrom = new int[count];
        ValidTo = new int[count];
        Details = keepDetails ? new Relation[count] : null;
    }

    public int Count { get; }

    /// <summary>SQLite keys, ascending: a relation's index is found by binary search.</summary>
    public long[] Keys { get; }

    public RelationType[] Types { get; }

    public byte[] Flags { get; }

    public Confidence[] Confidences { get; }

    public int[] From { get; }

    public int[] To { get; }

    public int[] ValidFrom { get; }

    public int[] ValidTo { get; }

    public Relation[]? Details { get; }

    public void Set(int r, long key, RelationType type, Confidence confidence, bool retracted, int from, int to, int validFrom, int validTo)
    {
        Keys[r] = key;
        Types[r] = type;
        Confidences[r] = confidence;
        Flags[r] = retracted ? GraphSnapshot.RetractedFlag : (byte)0;
        From[r] = from;
        To[r] = to;
        ValidFrom[r] = validFrom;
        ValidTo[r] = validTo;
    }

    public int IndexOfKey(long key) => Array.BinarySearch(Keys, key);

    /// <summary>A copy with room for <paramref name="extra"/> more relations at the end.</summary>
    public RelationTable Grow(int extra)
    {
        var copy = new RelationTable(Count + extra, Details is not null);
        Array.Copy(Keys, copy.Keys, Count);
        Array.Copy(Types, copy.Types, Count);
        Array.Copy(Flags, copy.Flags, Count);
        Array.Copy(Confidences, copy.Confidences, Count);
        Array.Copy(From, copy.From, Count);
        Array.Copy(To, copy.To, Count);
        Array.Copy(ValidFrom, copy.ValidFrom, Count);
        Array.Copy(ValidTo, copy.ValidTo, Count);
        if (Details is not null) Array.Copy(Details, copy.Details!, Count);
        return copy;
    }
}
