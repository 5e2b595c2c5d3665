namespace Wb6Graph.Generate;

/// <summary>
/// R-MAT edge sampling (Chakrabarti, Zhan, Faloutsos 2004): each of k levels picks a quadrant of the
/// 2^k x 2^k adjacency matrix with probabilities a, b, c, d, which yields the heavy-tailed degrees of real graphs.
/// </summary>
internal sealed class Rmat
{
    private const double A = 0.57, B = 0.19, C = 0.19;

    private readonly int _count;
    private readonly int _levels;

    public Rmat(int count)
    {
        _count = count;
        while ((1L << _levels) < count) _levels++;
    }

    /// <summary>Indexes of a new edge: never a self loop, never outside 0..count-1 (those draws are rejected).</summary>
    public (int From, int To) Next(Random random)
    {
        while (true)
        {
            int from = 0, to = 0;
            for (var level = 0; level < _levels; level++)
            {
                var roll = random.NextDouble();
                from <<= 1;
                to <<= 1;
                if (roll < A) { }
                else if (roll < A + B) to |= 1;
                else if (roll < A + B + C) from |= 1;
                else { from |= 1; to |= 1; }
            }
            if (from != to && from < _count && to < _count) return (from, to);
        }
    }
}
