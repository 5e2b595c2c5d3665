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
        Search = new TextSearch.Fields[Count];
        IndexOf = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var (key, e) = rows[i];
            Keys[i] = key;
            Records[i] = e;
            Kinds[i] = e.Kind;
            ValidFrom[i] = Validity.FromDay(e.ValidFrom);
            ValidTo[i] = Validity.ToDay(e.ValidTo);
            Search[i] = TextSearch.Fields.Of(e);
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

    /// <summary>What search reads of each entity, folded for diacritic- and case-insensitive search.</summary>
    public TextSearch.Fields[] Search { get; }

    public Dictionary<string, int> IndexOf { get; }

    /// <summary>Entity indexes sorted by id (ordinal), and the ids in that order, for stable cursors.</summary>
    public int[] OrderById { get; }

    public string[] OrderedIds { get; }

    public IEnumerable<(long Key, Entity Entity)> Rows() => Keys.Zip(Records);

    public bool IsValidOn(int i, int day) => ValidFrom[i] <= day && day < ValidTo[i];

    /// <summary>Whether the entity had begun by the day: an ended entity still stands in the history of its acts.</summary>
    public bool HasBegunBy(int i, int day) => ValidFrom[i] <= day;
}

/// <summary>The per-relation columns; Details holds whole records when the graph is small enough to keep them.</summary>
internal sealed class RelationTable
{
    public RelationTable(int count, bool keepDetails)
        : this(new long[count], new RelationType[count], new byte[count], new Confidence[count], new int[count], new int[count],
            new int[count], new int[count], keepDetails ? new Relation[count] : null)
    {
    }

    private RelationTable(long[] keys, RelationType[] types, byte[] flags, Confidence[] confidences, int[] from, int[] to,
        int[] validFrom, int[] validTo, Relation[]? details)
    {
        Count = keys.Length;
        Keys = keys;
        Types = types;
        Flags = flags;
        Confidences = confidences;
        From = from;
        To = to;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Details = details;
    }

    public int Count { get; }

    /// <summary>SQLite keys: the order relations were written in. Rows are in (from, to, key) order, not key order.</summary>
    public long[] Keys { get; }

    public RelationType[] Types { get; }

    public byte[] Flags { get; }

    public Confidence[] Confidences { get; }

    public int[] From { get; }

    public int[] To { get; }

    public int[] ValidFrom { get; }

    public int[] ValidTo { get; }

    public Relation[]? Details { get; }

    /// <summary>
    /// Sets row r. ValidFrom/ValidTo are the days between which the relation may count (an act from its date on);
    /// the act flag comes from the type, so a traversal can tell history from state without the record.
    /// </summary>
    public void Set(int r, long key, RelationType type, Confidence confidence, bool retracted, int from, int to, int validFrom, int validTo)
    {
        Keys[r] = key;
        Types[r] = type;
        Confidences[r] = confidence;
        Flags[r] = (byte)((retracted ? GraphSnapshot.RetractedFlag : 0) | (Vocabulary.Info(type).IsAct ? GraphSnapshot.ActFlag : 0));
        From[r] = from;
        To[r] = to;
        ValidFrom[r] = validFrom;
        ValidTo[r] = validTo;
    }

    /// <summary>The row of a key, or -1. A scan: it serves single writes, whose snapshot patch is linear anyway.</summary>
    public int IndexOfKey(long key) => Array.IndexOf(Keys, key);

    /// <summary>Whether row a comes before row b in (from, to, key) order.</summary>
    public static bool Before(int fromA, int toA, long keyA, int fromB, int toB, long keyB) =>
        fromA != fromB ? fromA < fromB : toA != toB ? toA < toB : keyA < keyB;

    /// <summary>
    /// A copy with the row at <paramref name="removeAt"/> (if not -1) taken out and an empty row put where
    /// <paramref name="insertBefore"/> was (Count for the end); returns the copy and the empty row's index.
    /// </summary>
    public (RelationTable Table, int Slot) Splice(int removeAt, int insertBefore)
    {
        var order = new List<int>(Count + 1);
        var slot = -1;
        for (var r = 0; r <= Count; r++)
        {
            if (r == insertBefore)
            {
                slot = order.Count;
                order.Add(-1);
            }
            if (r < Count && r != removeAt) order.Add(r);
        }
        var rows = order.ToArray();
        return (new RelationTable(Gather(Keys, rows), Gather(Types, rows), Gather(Flags, rows), Gather(Confidences, rows), Gather(From, rows),
            Gather(To, rows), Gather(ValidFrom, rows), Gather(ValidTo, rows), Details is null ? null : Gather(Details, rows)), slot);
    }

    /// <summary>column[order[k]] for each k; -1 gives an empty row.</summary>
    private static T[] Gather<T>(T[] column, int[] order)
    {
        var result = new T[order.Length];
        for (var k = 0; k < order.Length; k++)
            if (order[k] >= 0) result[k] = column[order[k]];
        return result;
    }
}
