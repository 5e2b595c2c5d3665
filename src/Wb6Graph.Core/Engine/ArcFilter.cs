using Wb6Graph.Embedded;
using Wb6Graph.Model;

namespace Wb6Graph.Engine;

/// <summary>
/// A traversal's filter compiled to bit masks over the snapshot's columns, so checking an arc is a few loads and shifts.
/// Kinds and dates apply to the entities passed through; the two ends of a question are always allowed. On a date, an
/// entity may be passed through once it has begun, even if it has ended since: it stands in the history of its acts,
/// while its states end with it (<see cref="GraphSnapshot.HoldsOn"/>).
/// </summary>
internal readonly struct ArcFilter
{
    private readonly RelationTable _rel;
    private readonly EntityTable _ent;
    private readonly ulong _types;
    private readonly ulong _kinds;
    private readonly int _day;
    private readonly bool _hasDay;

    public ArcFilter(GraphSnapshot s, TraversalOptions o, bool includeRetracted = false)
    {
        _rel = s.Relations;
        _ent = s.Entities;
        _types = o.Types is { Count: > 0 } types ? types.Aggregate(0UL, (m, t) => m | 1UL << (int)t) : ulong.MaxValue;
        _kinds = o.Kinds is { Count: > 0 } kinds ? kinds.Aggregate(0UL, (m, k) => m | 1UL << (int)k) : ulong.MaxValue;
        _hasDay = o.AsOf is not null;
        _day = o.AsOf?.DayNumber ?? 0;
        IncludeRetracted = includeRetracted;
        ForwardOnly = o.ForwardOnly;
        Unfiltered = !_hasDay && _types == ulong.MaxValue && _kinds == ulong.MaxValue && !includeRetracted;
    }

    public bool ForwardOnly { get; }

    public bool IncludeRetracted { get; }

    /// <summary>Only retracted relations are excluded; traversals may still skip the per-entity checks.</summary>
    public bool Unfiltered { get; }

    public bool Relation(int r)
    {
        if (!IncludeRetracted && (_rel.Flags[r] & GraphSnapshot.RetractedFlag) != 0) return false;
        if ((_types >> (int)_rel.Types[r] & 1) == 0) return false;
        if (!_hasDay) return true;
        if (_day < _rel.ValidFrom[r] || _day >= _rel.ValidTo[r]) return false;
        return (_rel.Flags[r] & GraphSnapshot.ActFlag) != 0 || (_ent.IsValidOn(_rel.From[r], _day) && _ent.IsValidOn(_rel.To[r], _day));
    }

    public bool Entity(int e)
    {
        if ((_kinds >> (int)_ent.Kinds[e] & 1) == 0) return false;
        return !_hasDay || _ent.HasBegunBy(e, _day);
    }

    /// <summary>Whether the entity had begun by the date (kinds aside): ends of a question must.</summary>
    public bool Exists(int e) => !_hasDay || _ent.HasBegunBy(e, _day);

    public double Weight(int r) => _rel.Confidences[r] switch
    {
        Confidence.H => 1.0,
        Confidence.M => 2.0,
        _ => 4.0,
    };
}
