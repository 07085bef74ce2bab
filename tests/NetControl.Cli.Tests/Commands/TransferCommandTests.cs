using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

/// <summary>
/// <c>netctl transfer</c>: the live walk-through (root: network namespace hosts, host configuration through signed
/// agent commands, a real TCP transfer, release, hosts restored), its dry run, and bad arguments.
/// </summary>
public sealed class TransferCommandTests
{
    [Fact]
    public async Task Transfer_AsRoot_SendsEveryByteOverTheLightpathAndRestoresTheHosts()
    {
        Assert.True(Environment.IsPrivilegedProcess, "the test command runs as root (network namespaces)");

        var run = await Netctl("transfer", "--bytes", "64M", "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Err);
        var report = run.Json();
        Assert.False(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(64L << 20, report.GetProperty("bytesReceived").GetInt64());
        Assert.True(report.GetProperty("gbps").GetDouble() > 0);
        Assert.True(report.GetProperty("released").GetBoolean());
        Assert.True(report.GetProperty("hostsRestored").GetBoolean());
        Assert.Equal("cern-fdt", report.GetProperty("path")[0].GetString());
        Assert.Contains(report.GetProperty("hostSteps").GetProperty("caltech-fdt").EnumerateArray(), s => s.GetString() == "address 10.250.0.6/30 on tx1");
    }

    [Fact]
    public async Task Transfer_DryRun_PlansExactCommandsAndSendsNothing()
    {
        var run = await Netctl("transfer", "--dry-run", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var report = run.Json();
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, report.GetProperty("bytesReceived").ValueKind);
        var planned = report.GetProperty("plannedCommands").GetProperty("cern-fdt").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("ip addr add 10.250.0.5/30 dev tx0", planned);
        Assert.Contains("ip rule add from 10.250.0.5 table 1001 priority 1001", planned);
    }

    [Theory]
    [InlineData("--bytes", "lots", "--bytes: 'lots' is not a size")]
    [InlineData("--to", "GVA-GG", "'GVA-GG' is not a host of the demo network")]
    public async Task Transfer_BadArgument_ExitsTwoWithOneLine(string option, string value, string expected)
    {
        var run = await Netctl("transfer", "--dry-run", option, value);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.Single(run.Err.Trim().Split('\n'));
    }
}
