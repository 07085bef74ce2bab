using System.Net;
using System.Text.Json;
using NetControl.Controller.Telemetry;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.StoreAndForward;
using NetControl.Messaging.Tests.Support;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>
/// The controller's telemetry with an external broker by configuration (Debian's mosquitto, started by the test on
/// loopback with per-agent credentials and ACLs): an agent's probe alarm reaches link state through it.
/// </summary>
public sealed class ExternalBrokerTelemetryTests : IAsyncLifetime
{
    private const string Agent = "nyc-agent";
    private const string AgentSecret = "nyc-agent-secret";
    private const string Controller = "netcontrol-controller";
    private const string ControllerSecret = "controller-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"netcontrol-external-broker-{Guid.NewGuid():N}");
    private Mosquitto _mosquitto = null!;
    private SimulatedController _net = null!;
    private AgentPublisher _agent = null!;

    public async Task InitializeAsync()
    {
        Assert.True(Mosquitto.IsInstalled, $"{Mosquitto.Executable} is missing: ./test.sh installs Debian's mosquitto");
        Directory.CreateDirectory(_dir);
        _mosquitto = await Mosquitto.StartAsync(new Dictionary<string, string> { [Agent] = AgentSecret, [Controller] = ControllerSecret }, Controller);
        _net = await SimulatedController.StartAsync(telemetry: new TelemetryOptions
        {
            EmbeddedBroker = false,
            BrokerPort = _mosquitto.Port,
            ControllerUserName = Controller,
            ControllerSecret = ControllerSecret,
        });
        _agent = new AgentPublisher(new AgentPublisherOptions
        {
            Broker = new BrokerConnectionOptions { Port = _mosquitto.Port, UserName = Agent, Secret = AgentSecret },
            StoreAndForward = new StoreAndForwardOptions { Directory = _dir, FsyncEachAppend = false },
        });
        _agent.Start();
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _net.DisposeAsync();
        await _mosquitto.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Telemetry_ExternalMosquitto_ProbeAlarmReachesLinkState()
    {
        Assert.Equal(_mosquitto.Port, _net.Host.Telemetry!.BrokerPort);
        for (int n = 0; n < 3; n++)
        {
            _agent.Enqueue(new ProbeSummary
            {
                AgentId = Agent,
                TargetId = "chi-reflector",
                LinkId = "CHI-NYC-QWEST",
                IntervalStart = DateTimeOffset.UtcNow.AddSeconds(-10 + n),
                IntervalUs = 1_000_000,
                Sent = 100,
                Received = 95,
                Lost = 5,
                LossRatio = 0.05,
                RttMedianUs = 24_000,
                JitterUs = 300,
                Clock = ProbeClock.Kernel,
            });
        }

        await _agent.FlushAsync(new CancellationTokenSource(Wait).Token);
        JsonElement link = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await _net.SendAsync(HttpMethod.Get, "/api/v1/links");
            link = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "CHI-NYC-QWEST");
            return link.GetProperty("condition").GetString() == "degraded";
        }, Wait);
        Assert.StartsWith("probes: loss 5.0% > 2.0% for 3 intervals", link.GetProperty("cause").GetString(), StringComparison.Ordinal);

        using var agents = await _net.SendAsync(HttpMethod.Get, "/api/v1/telemetry/agents");
        Assert.Equal(HttpStatusCode.OK, agents.StatusCode);
        Assert.Contains($"\"id\":\"{Agent}\"", await agents.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
