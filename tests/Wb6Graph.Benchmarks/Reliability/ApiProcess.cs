using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wb6Graph.Benchmarks.Reliability;

/// <summary>The API as a child process on a loopback port, over a data folder; killed with SIGKILL when asked.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    public const string Key = "reliability-key";

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ApiProcess(Process process, int port, HttpClient http)
    {
        _process = process;
        Port = port;
        Http = http;
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int Pid => _process.Id;

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Starts the API over <paramref name="dataDirectory"/> (no seeds) and waits until /health/ready answers 200.</summary>
    public static async Task<ApiProcess> StartAsync(string apiDll, string dataDirectory, params string[] settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
        };
        foreach (var a in new[]
                 {
                     apiDll, "--urls", $"http://127.0.0.1:{port}", $"--GraphStore:DataDirectory={dataDirectory}",
                     "--GraphStore:LoadSeedsAtStart=false", "--GraphStore:SeedsDirectory=/nonexistent/seeds", "--Api:WarmUp=false",
                     $"--Api:ApiKeys:0={Key}", "--Logging:LogLevel:Default=Warning",
                 }.Concat(settings))
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var api = new ApiProcess(process, port, http);
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"the API exited with {process.ExitCode}:\n{api.Log}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return api;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the API did not get ready in 120 s:\n{api.Log}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
            if (_log.Length < 200_000) _log.AppendLine(line);
    }

    /// <summary>kill -9: no shutdown, no flush beyond what SQLite already made durable.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The server's resident memory now, in MB (from /proc).</summary>
    public double ResidentMb() => Status("VmRSS:");

    /// <summary>The CPU time the server has used (user and system), in milliseconds, from /proc (10 ms ticks).</summary>
    public double CpuMs()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <summary>The server's peak resident memory since it started, in MB.</summary>
    public double PeakMb() => Status("VmHWM:");

    private double Status(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return double.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
        }
        return double.NaN;
    }

    public async Task<(int Status, JsonNode? Body)> PostAsync(string query, object? variables = null, bool key = false, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (key) request.Headers.Authorization = new("Bearer", Key);
        using var response = await Http.SendAsync(request, ct);
        return ((int)response.StatusCode, await Json(response, ct));
    }

    public async Task<(int Status, JsonNode? Body)> GetAsync(string query, CancellationToken ct = default)
    {
        using var response = await Http.GetAsync("/graphql?query=" + Uri.EscapeDataString(query), ct);
        return ((int)response.StatusCode, await Json(response, ct));
    }

    private static async Task<JsonNode?> Json(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
