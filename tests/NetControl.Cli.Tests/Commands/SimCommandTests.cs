using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NetControl.Tests.Shared;

namespace NetControl.Cli.Tests.Commands;

/// <summary><c>netctl sim optical</c> running in-process, driven by <c>netctl sim cut|repair</c> and a raw TL1 socket.</summary>
public sealed class SimCommandTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SimOptical_DemoTopology_PrintsEachSwitchAndServesTl1AndCuts()
    {
        int controlPort = CliRunner.FreePort();
        var output = new StringBuilder();
        using var outWriter = TextWriter.Synchronized(new StringWriter(output));
        using var errWriter = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = NetctlApp.RunAsync(["sim", "optical", "--base-port", "0", "--snmp-base-port", "0", "--control-port", $"{controlPort}"], outWriter, errWriter, stop.Token);
        await Eventually.TrueAsync(() => Snapshot(output, outWriter).Contains("\"control\"", StringComparison.Ordinal));

        var lines = Snapshot(output, outWriter).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var switches = lines.Where(l => l.TryGetProperty("name", out _)).ToList();
        Assert.Equal(["GVA-GG", "AMS-GG", "NYC-GG", "CHI-PXC", "CIT-PXC"], switches.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("calient", switches[3].GetProperty("dialect").GetString());
        Assert.All(switches, s => Assert.True(s.GetProperty("snmpPort").GetInt32() > 0));
        string control = lines.Last().GetProperty("control").GetString()!;

        // A plain TCP client (no NetControl code) logs in and gets a TL1 response.
        int gvaPort = switches[0].GetProperty("tl1Port").GetInt32();
        string reply = await RawTl1(gvaPort, "ACT-USER::admin:1::pw;\r\nRTRV-HDR:::2;\r\n", "M  2 COMPLD");
        Assert.Contains("M  1 COMPLD", reply, StringComparison.Ordinal);

        var cut = await CliRunner.Netctl("sim", "cut", "CHI-GVA-QWEST", "--control", control, "--json");
        Assert.Equal(0, cut.ExitCode);
        Assert.Equal("{\"link\":\"CHI-GVA-QWEST\",\"cut\":true}", cut.Out.Trim());
        var repair = await CliRunner.Netctl("sim", "repair", "CHI-GVA-QWEST", "--control", control);
        Assert.Equal("CHI-GVA-QWEST: repaired", repair.Out.Trim());
        var unknown = await CliRunner.Netctl("sim", "cut", "NO-SUCH-LINK", "--control", control);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("netctl: error: no link 'NO-SUCH-LINK' in topology 'USLHCnet'", unknown.Err.Trim());

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(Wait));
    }

    [Fact]
    public async Task SimCut_NoSimulatorRunning_OneLineErrorExit1()
    {
        var run = await CliRunner.Netctl("sim", "cut", "X", "--control", $"http://127.0.0.1:{CliRunner.FreePort()}/");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("netctl: error: no simulator control API at http://127.0.0.1:", run.Err, StringComparison.Ordinal);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--base-port", "70000")]
    [InlineData("--control-port", "0")]
    [InlineData("--latency-ms", "-1")]
    [InlineData("--trap-target", "nohost")]
    [InlineData("--calient-login-quirk-ms", "-1")]
    [InlineData("--calient-login-quirk-ms", "1.5")]
    [InlineData("--calient-login-quirk-ms", "soon")]
    public async Task SimOptical_BadOption_UsageErrorExit2(string option, string value)
    {
        var run = await CliRunner.Netctl("sim", "optical", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Err, StringComparison.Ordinal);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    /// <summary>The output so far; the synchronized writer locks on itself while writing.</summary>
    private static string Snapshot(StringBuilder output, TextWriter writer)
    {
        lock (writer)
        {
            return output.ToString();
        }
    }

    private static async Task<string> RawTl1(int port, string commands, string until)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Wait);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(commands));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Wait);
        while (!text.ToString().Contains(until, StringComparison.Ordinal))
        {
            int n = await stream.ReadAsync(buffer, timeout.Token);
            if (n == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return text.ToString();
    }
}
