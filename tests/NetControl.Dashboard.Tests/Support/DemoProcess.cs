using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace NetControl.Dashboard.Tests.Support;

/// <summary>
/// <c>netctl demo --for 1200 --json</c> on free ports, as a process run from this test's output directory: the optical
/// simulator, the controller, 24 probe agents. Reads the JSON document it prints (URL, tokens, simulator control URL).
/// </summary>
internal sealed class DemoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private DemoProcess(Process process) => _process = process;

    public Uri Url { get; private set; } = null!;

    public string ViewerToken { get; private set; } = "";

    public string OperatorToken { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    public Uri SimulatorControl { get; private set; } = null!;

    /// <summary>The page signed in as the demo's admin (who may also report a repaired fibre), as the demo prints it.</summary>
    public string DashboardUrl => $"{Url.ToString().TrimEnd('/')}/dashboard/#token={AdminToken}";

    public static async Task<DemoProcess> StartAsync(TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "netctl.dll"), "demo", "--for", "1200", "--port", "0", "--base-port", "0", "--sim-control-port", "0", "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start netctl demo");
        var demo = new DemoProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (demo._stderr)
            {
                demo._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(limit);
            await demo.ReadDocumentAsync(timeout.Token);
            return demo;
        }
        catch (Exception ex)
        {
            string stderr;
            lock (demo._stderr)
            {
                stderr = demo._stderr.ToString();
            }

            await demo.DisposeAsync();
            throw new InvalidOperationException($"netctl demo did not start: {ex.Message}; stderr: {stderr}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
    }

    private async Task ReadDocumentAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (true)
        {
            string line = await _process.StandardOutput.ReadLineAsync(cancellationToken) ?? throw new InvalidOperationException("netctl demo exited before printing its JSON");
            text.AppendLine(line);
            if (line != "}")
            {
                continue;
            }

            using var document = JsonDocument.Parse(text.ToString());
            var live = document.RootElement.GetProperty("live");
            Url = new Uri(live.GetProperty("url").GetString()!);
            ViewerToken = live.GetProperty("viewerToken").GetString()!;
            OperatorToken = live.GetProperty("operatorToken").GetString()!;
            AdminToken = live.GetProperty("adminToken").GetString()!;
            SimulatorControl = new Uri(live.GetProperty("simulatorControl").GetString()!);
            _ = _process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            return;
        }
    }
}
