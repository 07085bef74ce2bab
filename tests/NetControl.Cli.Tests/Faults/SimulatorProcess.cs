using System.Globalization;
using System.Text.Json;

namespace NetControl.Cli.Tests.Faults;

/// <summary>One switch of the simulator as <c>netctl sim optical</c> prints it.</summary>
internal sealed record SimulatedSwitch(string Name, string Dialect, int Tl1Port);

/// <summary>
/// <c>netctl sim optical</c> as its own long-lived process: every switch of a topology on loopback TL1 ports it picks
/// (<c>--base-port 0</c>), SNMP on free UDP ports, its control API on a free port, a fixed command latency.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private SimulatorProcess(NetctlProcess process, IReadOnlyList<SimulatedSwitch> switches)
    {
        Process = process;
        Switches = switches;
    }

    public NetctlProcess Process { get; }

    public IReadOnlyList<SimulatedSwitch> Switches { get; }

    public static async Task<SimulatorProcess> StartAsync(string workingDirectory, string topology, int latencyMs, TimeSpan limit)
    {
        var process = NetctlProcess.Start(
            workingDirectory,
            "sim", "optical", "--topology", topology, "--base-port", "0", "--snmp-base-port", "0",
            "--control-port", CliRunner.FreePort().ToString(CultureInfo.InvariantCulture), "--latency-ms", latencyMs.ToString(CultureInfo.InvariantCulture));
        try
        {
            var lines = await process.StdoutUntilAsync(l => l.Contains("\"control\"", StringComparison.Ordinal), limit);
            return new SimulatorProcess(process, [.. lines.Select(Switch).OfType<SimulatedSwitch>()]);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    /// <summary>A switch line (<c>{"name","dialect","tl1Port","snmpPort"}</c>); null for the control line.</summary>
    private static SimulatedSwitch? Switch(string line)
    {
        using var document = JsonDocument.Parse(line);
        var e = document.RootElement;
        return e.TryGetProperty("tl1Port", out var port)
            ? new SimulatedSwitch(e.GetProperty("name").GetString()!, e.GetProperty("dialect").GetString()!, port.GetInt32())
            : null;
    }
}
