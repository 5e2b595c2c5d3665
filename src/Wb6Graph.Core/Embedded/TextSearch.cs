using System.Globalization;
using System.Text;

namespace Wb6Graph.Embedded;

/// <summary>Folds text for search: lower case, no diacritics, letters that do not decompose (đ, ł, ø, ß) spelled out.</summary>
public static class TextSearch
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            switch (char.ToLowerInvariant(c))
            {
                case 'đ' or 'ð': sb.Append('d'); break;
                case 'ł': sb.Append('l'); break;
                case 'ø': sb.Append('o'); break;
                case 'ı': sb.Append('i'); break;
                case 'æ': sb.Append("ae"); break;
                case 'œ': sb.Append("oe"); break;
                case 'ß': sb.Append("ss"); break;
                case '–' or '—' or '‐': sb.Append('-'); break;
                case var lower: sb.Append(lower); break;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC).Trim();
    }

    /// <summary>How well a folded query matches folded names: 3 exact, 2 prefix of a word, 1 substring, 0 none.</summary>
    public static int Score(string foldedQuery, IReadOnlyList<string> foldedNames)
    {
        var best = 0;
        foreach (var name in foldedNames)
        {
            if (name == foldedQuery) return 3;
            var at = name.IndexOf(foldedQuery, StringComparison.Ordinal);
            if (at < 0) continue;
            var wordStart = at == 0 || !char.IsLetterOrDigit(name[at - 1]);
            best = Math.Max(best, wordStart ? 2 : 1);
        }
        return best;
    }
}
