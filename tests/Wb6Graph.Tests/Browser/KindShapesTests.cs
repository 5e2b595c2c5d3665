using Xunit.Abstractions;

namespace Wb6Graph.Tests.Browser;

/// <summary>The explorer is readable without colour: every kind's outline differs from every other's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KindShapesTests(ExplorerServer server, ITestOutputHelper output)
{
    /// <summary>
    /// Each outline as the canvas draws it (kinds.js' own nodeShape, points in the node's box), filled at 64 px, and
    /// compared with every other by intersection over union. Pairs a reader in grey confused shared more than 85 %:
    /// an octagon or a heptagon beside a circle (about 90 % and 87 %), a hexagon beside a pentagon (86 %); a circle
    /// and a square, easy to tell apart, share 84 %.
    /// </summary>
    [ChromiumFact]
    public async Task Every_kind_has_an_outline_that_shares_at_most_85_percent_with_any_other()
    {
        await using var explorer = await new ExplorerPage(server, output).OpenAsync();
        var json = await explorer.EvalAsync<string>("""
            (async () => {
              const { kinds, nodeShape } = await import('/explorer/kinds.js');
              const N = 64;
              const mask = kind => {
                const g = new OffscreenCanvas(N, N).getContext('2d'), s = nodeShape(kind);
                g.beginPath();
                if (s.shape === 'ellipse') g.arc(N / 2, N / 2, N / 2, 0, 2 * Math.PI);
                else {
                  const v = s['shape-polygon-points'].split(' ').map(Number);
                  for (let i = 0; i < v.length; i += 2) g[i ? 'lineTo' : 'moveTo'](N / 2 + v[i] * N / 2, N / 2 + v[i + 1] * N / 2);
                  g.closePath();
                }
                g.fill();
                const d = g.getImageData(0, 0, N, N).data;
                return Array.from({ length: N * N }, (_, i) => d[i * 4 + 3] > 127);
              };
              const ids = Object.keys(kinds), masks = ids.map(mask), out = [];
              for (let i = 0; i < ids.length; i++)
                for (let j = i + 1; j < ids.length; j++) {
                  let both = 0, either = 0;
                  for (let k = 0; k < N * N; k++) { both += masks[i][k] && masks[j][k]; either += masks[i][k] || masks[j][k]; }
                  out.push({ a: ids[i], b: ids[j], shared: both / either });
                }
              return JSON.stringify(out);
            })()
            """);
        var pairs = System.Text.Json.JsonSerializer.Deserialize<Overlap[]>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        // Every kind the API knows is drawn with its own outline (none falls back to the shape for unknown kinds).
        var schemaKinds = (await server.AskAsync("""{ __type(name: "EntityKind") { enumValues { name } } }"""))["__type"]!["enumValues"]!.AsArray()
            .Select(v => v!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(schemaKinds, pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().Order().ToList());
        var alike = pairs.Where(p => p.Shared > 0.85).Select(p => $"{p.A}/{p.B} {p.Shared:P0}").ToList();
        Assert.True(alike.Count == 0, "outlines too alike without colour: " + string.Join(", ", alike));
        explorer.AssertNoErrors();
    }

    public sealed record Overlap(string A, string B, double Shared);
}
