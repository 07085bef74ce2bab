using NetControl.Drivers.Tl1.Drivers;
using System.Net;
using System.Text.Json;
using NetControl.Controller.Hosting;
using NetControl.Controller.Security;
using NetControl.Controller.Tests.Support;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>
/// The optical simulator of topology/uslhcnet.yaml on loopback and a full controller (real lightpath service, TL1
/// sessions to every simulated switch, alarm watches) on Kestrel port 0.
/// </summary>
internal sealed class SimulatedController : IAsyncDisposable
{
    public const string OperatorToken = "e2e-operator-token";
    public const string Password = "e2e-switch-password";

    private readonly bool _ownsSimulator;

    private SimulatedController(OpticalSimulator simulator, ControllerHost host, bool ownsSimulator)
    {
        _ownsSimulator = ownsSimulator;
        Simulator = simulator;
        Host = host;
        Http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public OpticalSimulator Simulator { get; }

    public ControllerHost Host { get; }

    public HttpClient Http { get; }

    /// <summary>Starts a simulator (or reuses <paramref name="simulator"/>, which the caller then disposes) and a controller on it.</summary>
    public static async Task<SimulatedController> StartAsync(
        Microsoft.Extensions.Logging.ILoggerFactory? loggers = null, string? databasePath = null, OpticalSimulator? simulator = null, int? snmpTrapPort = null, NetControl.Controller.Telemetry.TelemetryOptions? telemetry = null,
        NetControl.Drivers.Tl1.Tests.Fixtures.OpenSshServerFixture? ssh = null, string? sshHostKeyPin = null, TimeSpan? deviceConnectTimeout = null,
        NetControl.Controller.Hosts.HostsOptions? hosts = null, TimeSpan? utilisationPollInterval = null)
    {
        var topology = ApiHarness.UsLhcNet;
        bool owns = simulator is null;
        simulator ??= await OpticalSimulator.StartAsync(topology, snmp: snmpTrapPort is int trapPort
            ? new SnmpAgentOptions { TrapTargets = [new SnmpTrapTarget("127.0.0.1", trapPort)], LinkPollInterval = TimeSpan.FromMilliseconds(50) }
            : null);
        try
        {
            var options = new ControllerOptions
            {
                Listen = "http://127.0.0.1:0",
                Topology = topology,
                Tokens = [new ApiToken(OperatorToken, "transfer-tool", ApiRole.Operator)],
                Devices = [.. simulator.Endpoints.Select(e => new DeviceEndpoint
                {
                    Name = e.Name,
                    Dialect = Dialect(e.Dialect),
                    Host = ssh?.Host ?? "127.0.0.1",
                    Port = ssh?.Port ?? e.Tl1Port,
                    Transport = ssh is null ? DeviceTransport.Tcp : DeviceTransport.Ssh,
                    Ssh = ssh is null ? null : new SshEndpoint
                    {
                        UserName = ssh.UserName,
                        PrivateKeyPath = ssh.ClientKeyPath,
                        KnownHostSha256 = sshHostKeyPin ?? ssh.HostKeySha256,
                        TargetPort = e.Tl1Port,
                    },
                    UserName = "netctl",
                    Password = Password,
                    Snmp = e.SnmpPort is int snmpPort ? new SnmpEndpoint { Port = snmpPort } : null,
                })],
                SnmpTrapListen = snmpTrapPort,
                DatabasePath = databasePath,
                Telemetry = telemetry,
                Hosts = hosts,
                DeviceCommandTimeout = TimeSpan.FromSeconds(10),
                DeviceConnectTimeout = deviceConnectTimeout ?? new ControllerOptions().DeviceConnectTimeout,
                PowerPollInterval = snmpTrapPort is null ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromHours(1),
                UtilisationPollInterval = utilisationPollInterval ?? new ControllerOptions().UtilisationPollInterval,
            };
            var host = await ControllerHost.StartAsync(options, loggers).WaitAsync(TimeSpan.FromSeconds(60));
            return new SimulatedController(simulator, host, owns);
        }
        catch
        {
            if (owns)
            {
                await simulator.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Reads a switch's cross-connects through a TL1 session of its own (device truth, not the controller's view).</summary>
    public async Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(string device)
    {
        var endpoint = Simulator.Endpoints.Single(e => e.Name == device);
        await using var session = new Tl1Session(new TcpTl1Transport("127.0.0.1", endpoint.Tl1Port), new Tl1SessionOptions
        {
            Device = device,
            UserName = "checker",
            Password = "checker",
            CommandTimeout = TimeSpan.FromSeconds(10),
        });
        await session.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return await Dialect(endpoint.Dialect).CreateDriver(session).ReadCrossConnectsAsync();
    }

    /// <summary>Sends an API request with the operator token (and a JSON body when given).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null) =>
        Http.SendAsync(ApiHarness.Request(method, path, OperatorToken, json));

    /// <summary>GET of one lightpath; anything but 200 fails the test.</summary>
    public async Task<JsonElement> GetLightpathAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/lightpaths/{id}");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The current state of one lightpath, as the API shows it.</summary>
    public async Task<string?> StateAsync(string id) => (await GetLightpathAsync(id)).GetProperty("state").GetString();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        if (_ownsSimulator)
        {
            await Simulator.DisposeAsync();
        }
    }

    private static Tl1Dialect Dialect(string name) =>
        DeviceDialectNames.TryParse(name, out var dialect) ? dialect : throw new InvalidOperationException($"unknown dialect '{name}'");
}
