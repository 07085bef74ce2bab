using System.Diagnostics;

namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// Runs one net-snmp command-line tool (<c>snmpget</c>, <c>snmpwalk</c>, <c>snmpbulkwalk</c>, <c>snmpset</c>,
/// <c>snmptrap</c>...) in its own <see cref="NetSnmpHome"/>, with a hard timeout, and captures what it printed.
/// </summary>
internal static class NetSnmpTool
{
    /// <summary>How long a tool may run before it is killed: well over its own retries (<see cref="StableOptions"/>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Options for output that parses the same everywhere and generous retries: numeric OIDs (<c>-On</c>), numeric
    /// enums (<c>-Oe</c>), 5 s timeout and one retry (<c>-t 5 -r 1</c>).
    /// </summary>
    public static IReadOnlyList<string> StableOptions { get; } = ["-On", "-Oe", "-t", "5", "-r", "1"];

    /// <summary>Runs <paramref name="tool"/> with <see cref="StableOptions"/> first, then <paramref name="arguments"/>.</summary>
    public static Task<NetSnmpToolResult> RunStableAsync(string tool, params string[] arguments) =>
        RunAsync(tool, [.. StableOptions, .. arguments]);

    /// <summary>Runs <paramref name="tool"/> (a name under /usr/bin or a path) with exactly <paramref name="arguments"/>.</summary>
    public static async Task<NetSnmpToolResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        string path = NetSnmpInstallation.Require(tool);
        using var home = new NetSnmpHome(Path.GetFileName(path));
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        home.Apply(start);
        string commandLine = string.Join(' ', start.ArgumentList.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a).Prepend(path));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {commandLine}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? DefaultTimeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new NetSnmpToolResult(
            commandLine,
            timedOut ? -1 : process.ExitCode,
            await stdout.ConfigureAwait(false),
            await stderr.ConfigureAwait(false),
            timedOut);
    }
}
