using Wb6Graph.Cli;

namespace Wb6Graph.Tests.Cli;

/// <summary>Runs wb6graph in-process and keeps a temporary folder for its files, removed on dispose.</summary>
internal sealed class CliRunner : IDisposable
{
    public const string ValidSeeds = """
        sources:
          - id: mfa-fr
            title: Joint communique on the Western Balkans Cyber Capacity Centre
            url: https://example.org/communique
            kind: official
            published: 2023-07-14
            retrieved: 2026-12-04
        entities:
          - id: fr
            kind: Country
            name: France
            sources: [{source: mfa-fr, locator: para 1, note: France signed the communique.}]
          - id: me
            kind: Country
            name: Montenegro
            sources: [{source: mfa-fr, locator: para 1, note: Montenegro signed the communique.}]
          - id: wb3c
            kind: RegionalCentre
            name: Western Balkans Cyber Capacity Centre
            country: me
            aliases: [WB3C]
            attributes:
              city: Podgorica
            sources: [{source: mfa-fr, locator: para 2, note: The centre is in Podgorica.}]
        relations:
          - from: fr
            type: FOUNDED
            to: wb3c
            date: 2023-07-14
            confidence: H
            sources: [{source: mfa-fr, locator: para 2, note: France is a founder.}]
          - from: wb3c
            type: BASED_IN
            to: me
            validFrom: 2023-07-14
            confidence: H
            role: "host, \"seat\""
            sources: [{source: mfa-fr, locator: para 2, note: The centre sits in Montenegro.}]
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("wb6-cli-");

    public string PathOf(string name) => Path.Combine(_dir.FullName, name);

    public string WriteFile(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        // SQLite may hold the file a moment after the store is disposed; a leftover temp folder is harmless.
        try { _dir.Delete(recursive: true); } catch (IOException) { }
    }
}
