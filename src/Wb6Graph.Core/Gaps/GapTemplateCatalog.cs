using Wb6Graph.Model;

namespace Wb6Graph.Gaps;

/// <summary>
/// The gap templates read from graph-seeds/templates/ at start, by id, with the research records that say what was
/// consulted for each item of each country.
/// </summary>
public sealed class GapTemplateCatalog
{
    private volatile IReadOnlyDictionary<string, GapTemplate> _templates = new Dictionary<string, GapTemplate>();
    private volatile IReadOnlyDictionary<(string Country, string Item), ResearchRecord> _research = new Dictionary<(string, string), ResearchRecord>();

    public IReadOnlyCollection<GapTemplate> All => _templates.Values.ToList();

    public GapTemplate? Find(string id) => _templates.GetValueOrDefault(id);

    /// <summary>The research record of one item for one country, if one was written.</summary>
    public ResearchRecord? Research(string country, string item) => _research.GetValueOrDefault((country, item));

    public void Replace(IEnumerable<GapTemplate> templates, IEnumerable<ResearchRecord>? research = null)
    {
        _templates = templates.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _research = (research ?? []).GroupBy(r => (r.Country, r.Item)).ToDictionary(g => g.Key, g => g.First());
    }
}
