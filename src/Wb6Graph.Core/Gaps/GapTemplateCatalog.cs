namespace Wb6Graph.Gaps;

/// <summary>The gap templates read from graph-seeds/templates/ at start, by id.</summary>
public sealed class GapTemplateCatalog
{
    private volatile IReadOnlyDictionary<string, GapTemplate> _templates = new Dictionary<string, GapTemplate>();

    public IReadOnlyCollection<GapTemplate> All => _templates.Values.ToList();

    public GapTemplate? Find(string id) => _templates.GetValueOrDefault(id);

    public void Replace(IEnumerable<GapTemplate> templates) =>
        _templates = templates.ToDictionary(t => t.Id, StringComparer.Ordinal);
}
