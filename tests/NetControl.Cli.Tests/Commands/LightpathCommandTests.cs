using NetControl.Controller.Hosting;
using NetControl.Controller.Security;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

/// <summary>
/// netctl lightpath against a real controller (Kestrel on port 0, TL1 sessions) driving the optical simulator of
/// topology/uslhcnet.yaml on loopback.
/// </summary>
public sealed class LightpathCommandTests : IAsyncLifetime
{
    private const string Token = "cli-test-operator";

    private OpticalSimulator? _simulator;
    private ControllerHost? _host;

    private string Url => _host!.Address.ToString();

    public async Task InitializeAsync()
    {
        var topology = TopologyFile.Load(Repo("topology", "uslhcnet.yaml"));
        _simulator = await OpticalSimulator.StartAsync(topology);
        _host = await ControllerHost.StartAsync(new ControllerOptions
        {
            Listen = "http://127.0.0.1:0",
            Topology = topology,
            Tokens = [new ApiToken(Token, "cli-test", ApiRole.Operator)],
            Devices = [.. _simulator.Endpoints.Select(e => new DeviceEndpoint
            {
                Name = e.Name,
                Dialect = DeviceDialectNames.TryParse(e.Dialect, out var d) ? d : throw new InvalidOperationException(e.Dialect),
                Host = "127.0.0.1",
                Port = e.Tl1Port,
                UserName = "netctl",
                Password = "test",
            })],
            DeviceCommandTimeout = TimeSpan.FromSeconds(10),
        }).WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task RequestWaitListStatusRelease_AgainstARealController()
    {
        var request = await Netctl("lightpath", "request", "--from", "cern-fdt", "--to", "caltech-fdt", "--wait", "--url", Url, "--token", Token);
        Assert.True(request.ExitCode == 0, request.Err);
        Assert.Contains("state:      active", request.Out);
        Assert.Contains("path:       cern-fdt > GVA-GG > CHI-PXC > CIT-PXC > caltech-fdt", request.Out);
        Assert.Contains("latency:    ", request.Out);
        string id = request.Out.Split('\n').First(l => l.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();

        var list = await Netctl("lightpath", "list", "--url", Url, "--token", Token, "--json");
        Assert.Equal(0, list.ExitCode);
        var item = list.Json().GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.Equal("active", item.GetProperty("state").GetString());

        var text = await Netctl("lightpath", "list", "--url", Url, "--token", Token);
        Assert.Contains(id, text.Out);
        Assert.Contains("cern-fdt > GVA-GG > CHI-PXC > CIT-PXC > caltech-fdt", text.Out);

        var status = await Netctl("lightpath", "status", id, "--url", Url, "--token", Token, "--json");
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("active", status.Json().GetProperty("state").GetString());
        Assert.Equal(5, status.Json().GetProperty("working").GetProperty("nodes").GetArrayLength());

        var release = await Netctl("lightpath", "release", id, "--wait", "--url", Url, "--token", Token);
        Assert.Equal(0, release.ExitCode);
        Assert.Contains("state:      released", release.Out);

        var watch = await Netctl("lightpath", "watch", id, "--url", Url, "--token", Token).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, watch.ExitCode);
        Assert.Contains($"{id} released", watch.Out);
    }

    [Fact]
    public async Task Request_WithoutWait_AnswersAtOnceWithTheId()
    {
        var run = await Netctl("lightpath", "request", "--from", "cern-fdt", "--to", "caltech-fdt", "--protection", "none", "--url", Url, "--token", Token, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("lp-", run.Json().GetProperty("id").GetString());
        Assert.Equal("none", run.Json().GetProperty("protection").GetString());
    }

    [Fact]
    public async Task Request_UnknownEndpoint_PrintsTheProblemOnOneLineAndExits1()
    {
        var run = await Netctl("lightpath", "request", "--from", "nowhere", "--to", "caltech-fdt", "--url", Url, "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        string line = Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.StartsWith("netctl: error: ", line);
        Assert.Contains("nowhere", line);
        Assert.EndsWith("(HTTP 400)", line);
    }

    [Fact]
    public async Task Status_UnknownId_Is404OnOneLine()
    {
        var run = await Netctl("lightpath", "status", "lp-does-not-exist", "--url", Url, "--token", Token);

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("(HTTP 404)", Assert.Single(run.Err.TrimEnd().Split('\n')));
    }

    [Fact]
    public async Task Request_WithoutToken_Is401OnOneLine()
    {
        var run = await Netctl("lightpath", "request", "--from", "cern-fdt", "--to", "caltech-fdt", "--url", Url, "--token", "wrong");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("(HTTP 401)", Assert.Single(run.Err.TrimEnd().Split('\n')));
    }

    [Fact]
    public async Task List_UnreachableController_NamesTheUrlOnOneLine()
    {
        var run = await Netctl("lightpath", "list", "--url", "http://127.0.0.1:1", "--token", Token);

        Assert.Equal(1, run.ExitCode);
        string line = Assert.Single(run.Err.TrimEnd().Split('\n'));
        Assert.Contains("cannot reach the controller at http://127.0.0.1:1/", line);
    }

    [Fact]
    public async Task Request_BadProtection_IsAUsageError()
    {
        var run = await Netctl("lightpath", "request", "--from", "a", "--to", "b", "--protection", "2+2", "--url", Url);

        Assert.Equal(2, run.ExitCode);
    }
}
