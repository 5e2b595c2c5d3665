using System.Globalization;
using Wb6Graph.Model;

namespace Wb6Graph.Export;

/// <summary>How the flat formats (csv, graphml, gexf) spell values that have no native type there.</summary>
internal static class ExportText
{
    /// <summary>Lists in one cell; "; " because ids and names rarely contain it and spreadsheets split on it easily.</summary>
    public const string ListSeparator = "; ";

    public static string Date(DateOnly? day) => day is null ? "" : Dates.Format(day.Value);

    /// <summary>A date as the sources give it: 2024-06-11, 2013-02 or 2010.</summary>
    public static string Date(PartialDate? date) => date?.ToString() ?? "";

    public static string List(IReadOnlyList<string> items) => string.Join(ListSeparator, items);

    /// <summary>The ids of the sources cited (locators and notes are in the JSON export).</summary>
    public static string List(IReadOnlyList<Citation> citations) => string.Join(ListSeparator, citations.Select(c => c.Source));

    public static string Attributes(IReadOnlyList<AttributeValue> attributes) =>
        string.Join(ListSeparator, attributes.Select(a => $"{a.Key}={a.Value}"));

    public static string Timestamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Source kinds are lower case in the seed files; the exports spell them the same way.</summary>
    public static string Kind(SourceKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>Reports a running count without flooding the progress sink on 10M-record graphs.</summary>
internal sealed class ProgressCounter(IProgress<long>? progress)
{
    private const int Every = 10_000;
    private long _count;

    public void Increment()
    {
        if (++_count % Every == 0) progress?.Report(_count);
    }

    public void Complete() => progress?.Report(_count);
}
