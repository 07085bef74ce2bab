using System.Net;
using System.Net.Http.Headers;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using static NetControl.Cli.Tests.CliRunner;

namespace NetControl.Cli.Tests.Commands;

/// <summary><c>netctl controller</c>: configuration errors, <c>--check</c>, and a run that drives the simulated switches.</summary>
public sealed class ControllerCommandTests
{
    private const string Token = "controller-cli-operator";

    [Fact]
    public async Task Controller_BadConfig_ExitsTwoWithOneLine()
    {
        string path = TempFile("controller.yaml", $"topology: {Repo("topology", "uslhcnet.yaml")}\ntokens:\n  - {{name: a, role: root, token: hunter2}}\n");

        var run = await Netctl("controller", "--config", path);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"netctl: error: {path}:3:21: tokens[0].role: 'root' is not a role (viewer, operator or admin)", run.Err.TrimEnd());
        Assert.DoesNotContain("hunter2", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Controller_Check_PrintsWhatItConfiguresWithoutSecrets()
    {
        string path = TempFile("controller.yaml", $"""
            topology: {Repo("topology", "uslhcnet.yaml")}
            tokens:
              - {"{"}name: noc, role: admin, token: adm1n-secret{"}"}
            devices:
              - {"{"}name: CHI-PXC, dialect: calient, host: 127.0.0.1, port: 10036, user: netctl, password: tl1-secret{"}"}
            """);

        var run = await Netctl("controller", "--config", path, "--check");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("topology: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("tokens: noc (admin)", run.Out, StringComparison.Ordinal);
        Assert.Contains("device: CHI-PXC (calient over tcp 127.0.0.1:10036)", run.Out, StringComparison.Ordinal);
        Assert.Contains("database: none (state in memory)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Controller_ConfigAgainstSimulator_ServesTheApiThenStops()
    {
        var topology = TopologyFile.Load(Repo("topology", "uslhcnet.yaml"));
        await using var simulator = await OpticalSimulator.StartAsync(topology);
        int port = FreePort();
        string devices = string.Join("\n", simulator.Endpoints.Select(e => $"  - {{name: {e.Name}, dialect: {e.Dialect}, host: 127.0.0.1, port: {e.Tl1Port}, user: netctl, passwordEnv: NETCTL_TEST_TL1_PASSWORD}}"));
        string path = TempFile("controller.yaml", $"""
            listen: http://127.0.0.1:{port}
            topology: {Repo("topology", "uslhcnet.yaml")}
            database: state.db
            tokens:
              - {"{"}name: fdt, role: operator, token: {Token}{"}"}
            devices:
            {devices}
            timeouts: {"{"}deviceConnectSeconds: 60, deviceCommandSeconds: 30{"}"}
            """);
        Environment.SetEnvironmentVariable("NETCTL_TEST_TL1_PASSWORD", "test");

        var running = Netctl("controller", "--config", path, "--for", "20");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        HttpStatusCode? anonymous = null, authorized = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (authorized is null && DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            try
            {
                anonymous = (await http.GetAsync("/api/v1/links")).StatusCode;
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/links");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
                authorized = (await http.SendAsync(request)).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        var run = await running.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.OK, authorized);
        Assert.Contains($"controller: serving USLHCnet on http://127.0.0.1:{port}/ (5 devices, 1 tokens, state in {Path.Combine(Path.GetDirectoryName(path)!, "state.db")})", run.Out, StringComparison.Ordinal);
        Assert.Contains("controller: stopped", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "state.db")));
    }
}
