using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>
/// What an analyst pastes into a report: the matrix as CSV and as an SVG or PNG figure, and a path or a gap cell as text
/// with a numbered list of its sources (title, publisher, date, URL, retrieved). Compared with the API's answers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExplorerReportTests(ExplorerServer server, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["PRESENT"] = "present", ["PARTIAL"] = "partial", ["EXPIRED"] = "expired", ["MISSING"] = "missing", ["UNKNOWN"] = "unknown", ["NOT_ELIGIBLE"] = "not eligible",
    };

    private static readonly Dictionary<string, string> Marks = new()
    {
        ["PRESENT"] = "✓", ["PARTIAL"] = "◐", ["EXPIRED"] = "◷", ["MISSING"] = "✗", ["UNKNOWN"] = "?", ["NOT_ELIGIBLE"] = "–",
    };

    [GeneratedRegex(@"^\[(\d+)\] ", RegexOptions.Multiline)]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"\[(\d+)[,;\]]")]
    private static partial Regex Cited();

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString().TrimEnd('\r')); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        return rows;
    }

    private static async Task<ExplorerPage> OpenGapsAsync(ExplorerPage explorer, int width, int height)
    {
        await explorer.OpenAsync("?view=gaps", width, height);
        await explorer.Page.Locator("table.gaps").WaitForAsync();
        return explorer;
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task The_matrix_downloads_as_CSV_and_as_an_SVG_and_a_PNG_figure(int width, int height)
    {
        var reports = (await server.AskAsync("{ gaps { country { name } score researched eligible items { label status detail uncertain } } }"))["gaps"]!.AsArray();
        await using var explorer = await OpenGapsAsync(new ExplorerPage(server, output), width, height);
        var page = explorer.Page;

        var csv = Csv(await File.ReadAllTextAsync(await (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#matrix-csv"))).PathAsync()));
        Assert.Equal(["Expected link", "Legal basis", "Counts in score", .. reports.Select(r => $"{r!["country"]!["name"]} ({Today})")], csv[0]);
        var items = reports[0]!["items"]!.AsArray();
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(items[i]!["label"]!.GetValue<string>(), csv[i + 1][0]);
            for (var c = 0; c < reports.Count; c++)
            {
                var item = reports[c]!["items"]![i]!;
                var expected = Labels[item["status"]!.GetValue<string>()] + (item["detail"] is { } d ? $" ({d})" : "") + (item["uncertain"]!.GetValue<bool>() ? " ≈" : "");
                Assert.Equal(expected, csv[i + 1][3 + c]);
            }
        }
        var scores = csv.Single(r => r[0] == "Score");
        for (var c = 0; c < reports.Count; c++)
            Assert.Equal(reports[c]!["score"] is { } s ? $"{Math.Round(s.GetValue<double>() * 100, MidpointRounding.AwayFromZero)}%" : "", scores[3 + c]);

        var svgFile = await (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#matrix-svg"))).PathAsync();
        var svg = XDocument.Load(svgFile);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.StartsWith("EU alignment", StringComparison.Ordinal) && t.Contains(Today, StringComparison.Ordinal));
        foreach (var report in reports)
        {
            Assert.Contains(report!["country"]!["name"]!.GetValue<string>(), string.Join(' ', texts)); // in one or two lines
            Assert.Contains($"{report["researched"]} of {report["eligible"]} researched", texts); // coverage under each score
        }
        // Every cell with its mark and word, so that the figure reads in grey.
        var cells = reports.SelectMany(r => r!["items"]!.AsArray())
            .Select(i => $"{Marks[i!["status"]!.GetValue<string>()]} {Labels[i["status"]!.GetValue<string>()]}{(i["uncertain"]!.GetValue<bool>() ? " ≈" : "")}");
        foreach (var group in cells.GroupBy(c => c)) Assert.True(texts.Count(t => t == group.Key) >= group.Count(), $"{group.Count()} cells read {group.Key}");

        var png = await File.ReadAllBytesAsync(await (await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#matrix-png"))).PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var pngWidth = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.Equal(2 * int.Parse(svg.Root!.Attribute("width")!.Value, CultureInfo.InvariantCulture), pngWidth);
        await explorer.ScreenshotAsync($"60-gaps-reports-{width.ToString(CultureInfo.InvariantCulture)}");
        File.Copy(svgFile, Path.Combine(ExplorerServer.ScreenshotDirectory, $"61-gaps-figure-{width.ToString(CultureInfo.InvariantCulture)}.svg"), true);
        await File.WriteAllBytesAsync(Path.Combine(ExplorerServer.ScreenshotDirectory, $"62-gaps-figure-{width.ToString(CultureInfo.InvariantCulture)}.png"), png);
        explorer.AssertNoErrors();
    }

    /// <summary>The numbered references of a copied text: each once, with title, publisher, date, URL and retrieval day, each cited above.</summary>
    private static void AssertReferences(string text, IEnumerable<JsonNode> sources)
    {
        var split = text.IndexOf("\nReferences\n", StringComparison.Ordinal);
        Assert.True(split > 0, "a reference list");
        var (body, list) = (text[..split], text[split..]);
        var lines = list.Split('\n').Where(l => ReferenceLine().IsMatch(l)).ToList();
        var distinct = sources.GroupBy(s => s["id"]!.GetValue<string>()).Select(g => g.First()).ToList();
        Assert.Equal(distinct.Count, lines.Count);
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)), lines.Select(l => ReferenceLine().Match(l).Groups[1].Value));
        foreach (var source in distinct)
        {
            var line = Assert.Single(lines, l => l.Contains(source["title"]!.GetValue<string>(), StringComparison.Ordinal));
            foreach (var field in new[] { "publisher", "published", "url" })
                if (source[field] is { } value) Assert.Contains(value.GetValue<string>(), line);
            if (source["retrieved"] is { } retrieved) Assert.Contains($"(retrieved {retrieved})", line);
        }
        var cited = Cited().Matches(body).Select(m => m.Groups[1].Value).Concat(Regex.Matches(body, @"; (\d+)[,;\]]").Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.All(lines, l => Assert.Contains(ReferenceLine().Match(l).Groups[1].Value, cited));
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task A_path_is_copied_as_text_with_a_numbered_reference_list(int width, int height)
    {
        var path = (await server.AskAsync("""
            { paths(from: "kcss", to: "enisa", k: 3, maxHops: 6) { entities { name } steps { relations { citations { source { id title publisher published url retrieved } } } } } }
            """))["paths"]![0]!;
        await using var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&path=kcss,enisa,3,6", width, height);
        await explorer.Page.Locator("#paths-result [data-copy-path='0']").ClickAsync();
        await explorer.WaitForAsync("explorer.lastCopied !== null");
        var text = await explorer.EvalAsync<string>("explorer.lastCopied");
        output.WriteLine(text);

        Assert.StartsWith(string.Join(" → ", path["entities"]!.AsArray().Select(e => e!["name"]!.GetValue<string>())), text);
        AssertReferences(text, path["steps"]!.AsArray().SelectMany(s => s!["relations"]!.AsArray()).SelectMany(r => r!["citations"]!.AsArray()).Select(c => c!["source"]!));
        await explorer.Page.Locator("#paths-result").ScrollIntoViewIfNeededAsync();
        await explorer.ScreenshotAsync($"63-path-copied-as-text-{width.ToString(CultureInfo.InvariantCulture)}");
        explorer.AssertNoErrors();
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task A_gap_cell_is_copied_as_text_with_a_numbered_reference_list(int width, int height)
    {
        const string sources = "source { id title publisher published url retrieved }";
        var item = (await server.AskAsync($$"""
            { gaps(country: "ba") { country { name } items { id label status absences { note citations { {{sources}} } } research { consulted { {{sources}} } } } } }
            """))["gaps"]![0]!["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "national-csirt")!;
        Assert.Equal("MISSING", item["status"]!.GetValue<string>());
        await using var explorer = await OpenGapsAsync(new ExplorerPage(server, output), width, height);
        await explorer.Page.ClickAsync("[data-gap='ba:national-csirt']");
        await explorer.Page.Locator("#copy-cell").ClickAsync();
        await explorer.WaitForAsync("explorer.lastCopied !== null");
        var text = await explorer.EvalAsync<string>("explorer.lastCopied");
        output.WriteLine(text);

        Assert.StartsWith($"Bosnia and Herzegovina — {item["label"]}: missing", text);
        foreach (var absence in item["absences"]!.AsArray()) if (absence!["note"] is { } note) Assert.Contains(note.GetValue<string>(), text);
        var cited = item["absences"]!.AsArray().SelectMany(a => a!["citations"]!.AsArray()).Select(c => c!["source"]!)
            .Concat((item["research"]?["consulted"]?.AsArray() ?? []).Select(c => c!["source"]).OfType<JsonNode>());
        AssertReferences(text, cited);
        await explorer.ScreenshotAsync($"64-gap-cell-copied-as-text-{width.ToString(CultureInfo.InvariantCulture)}");
        explorer.AssertNoErrors();
    }

    /// <summary>
    /// What the page says after a copy: the innermost live regions whose words say "copied", as drawn (box on the screen),
    /// and the controls each one covers, the button pressed among them if it does.
    /// </summary>
    private const string Confirmation = """
        (() => {
          const box = el => el.getBoundingClientRect();
          const shown = el => { const b = box(el), s = getComputedStyle(el); return b.width > 1 && b.height > 1 && s.visibility !== 'hidden' && Number(s.opacity) > 0; };
          const live = [...document.querySelectorAll('[aria-live], [role=status]')].filter(el => /copied/i.test(el.textContent));
          const innermost = live.filter(el => !live.some(o => o !== el && el.contains(o)));
          const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(shown);
          const hits = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          return JSON.stringify(innermost.filter(shown).map(el => ({
            text: el.textContent.trim(),
            covers: controls.filter(c => !c.contains(el) && !el.contains(c) && hits(box(c), box(el))).map(c => c.id || c.textContent.trim() || c.tagName),
          })));
        })()
        """;

    /// <summary>
    /// Presses a copy button scrolled to the bottom of its panel (where the page's status line sits) and checks what
    /// the reader relies on: "copied" is said where a screen reader hears it, and seen without covering any control,
    /// the button pressed above all; the button stays where it was, on top, and can be pressed again.
    /// </summary>
    private async Task AssertCopiedCoversNothingAsync(ExplorerPage explorer, string button, string name)
    {
        var page = explorer.Page;
        await page.Locator(button).WaitForAsync();
        await page.EvalOnSelectorAsync(button, "b => b.scrollIntoView({ block: 'end' })");
        var before = await page.Locator(button).BoundingBoxAsync();
        await page.Locator(button).ClickAsync();
        await explorer.WaitForAsync("explorer.lastCopied !== null");
        await explorer.WaitForAsync($"JSON.parse({Confirmation}).length > 0");
        await explorer.ScreenshotAsync(name);

        var said = await explorer.EvalJsonAsync<Said[]>(Confirmation);
        var confirmation = Assert.Single(said);
        Assert.Contains("copied", confirmation.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(confirmation.Covers.Length == 0, $"\"{confirmation.Text}\" covers {string.Join(", ", confirmation.Covers)}");
        var after = await page.Locator(button).BoundingBoxAsync();
        Assert.Equal((before!.X, before.Y, before.Width, before.Height), (after!.X, after.Y, after.Width, after.Height));
        Assert.True(await page.EvalOnSelectorAsync<bool>(button, "b => { const r = b.getBoundingClientRect(); return b.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"),
            "the button pressed is the topmost element at its centre");

        await explorer.EvalAsync<bool>("(explorer.lastCopied = null, true)");
        await page.Locator(button).ClickAsync();
        await explorer.WaitForAsync("explorer.lastCopied !== null");
    }

    [ChromiumTheory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Copied_is_said_beside_the_copy_button_covering_no_control(int width, int height)
    {
        await using (var explorer = await new ExplorerPage(server, output).OpenAsync("?x=kcss&path=kcss,enisa,3,6", width, height))
        {
            await AssertCopiedCoversNothingAsync(explorer, "#paths-result [data-copy-path='0']", $"65-path-copied-said-{width.ToString(CultureInfo.InvariantCulture)}");
            explorer.AssertNoErrors();
        }
        await using (var explorer = await OpenGapsAsync(new ExplorerPage(server, output), width, height))
        {
            await explorer.Page.ClickAsync("[data-gap='ba:national-csirt']");
            await AssertCopiedCoversNothingAsync(explorer, "#copy-cell", $"66-gap-cell-copied-said-{width.ToString(CultureInfo.InvariantCulture)}");
            explorer.AssertNoErrors();
        }
    }

    public sealed record Said(string Text, string[] Covers);
}
