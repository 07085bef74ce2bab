using System.Diagnostics;

namespace NetControl.Tests.Shared;

/// <summary>Runs a tool (ip, sysctl, ping...) for a test and returns its output; a failure fails the test with its error. Compiled into every test project.</summary>
internal static class Tools
{
    public static Task<string> RunAsync(params string[] argv) => RunAsync(false, argv);

    public static async Task<string> RunAsync(bool allowFailure, params string[] argv)
    {
        var info = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in argv.Skip(1))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(allowFailure || process.ExitCode == 0, $"{string.Join(' ', argv)}: exit {process.ExitCode}: {await error}");
        return await output;
    }
}
