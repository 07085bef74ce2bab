using System.Text.Json;
using NetControl.Tests.Shared;

namespace NetControl.Cli.Tests;

/// <summary>Runs netctl in-process with captured output.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Err)
    {
        public JsonElement Json() => JsonDocument.Parse(Out).RootElement;
    }

    public static async Task<Run> Netctl(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await NetctlApp.RunAsync(args, output, error);
        var run = new Run(code, output.ToString(), error.ToString());
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        return run;
    }

    public static string Repo(params string[] parts) => Path.Combine([SharedDataPath.RepositoryRoot(), .. parts]);

    public static string Data(params string[] parts) => SharedDataPath.Combine(parts);

    /// <summary>A loopback TCP port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Writes a temporary file for a test and returns its path.</summary>
    public static string TempFile(string name, string content)
    {
        string dir = Path.Combine(Path.GetTempPath(), "netctl-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
