using System.CommandLine;
using System.Net.Http.Json;
using System.Net.Sockets;
using NetControl.Cli.Json;
using NetControl.Cli.Output;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;

namespace NetControl.Cli.Commands;

/// <summary>
/// <c>netctl sim optical [--topology FILE] [--base-port N] [--latency-ms N] [--control-port N] [--calient-login-quirk-ms N]</c> runs every photonic
/// switch of a topology on loopback until interrupted; <c>netctl sim cut LINK</c> and <c>netctl sim repair LINK</c>
/// inject and clear fibre cuts through its control API.
/// </summary>
internal static class SimCommand
{
    public const int DefaultControlPort = 9300;

    public static Command Create(CliConsole console) => new("sim", "Simulators: photonic switches over TL1, fibre cuts")
    {
        Optical(console),
        Link(console, "cut", "Cut a fibre link in the running simulator (loss of light downstream)"),
        Link(console, "repair", "Repair a cut fibre link in the running simulator"),
    };

    private static Command Optical(CliConsole console)
    {
        var topologyFile = new Option<string?>("--topology") { Description = "Topology file (default: the embedded USLHCnet network)" };
        var basePort = new Option<int>("--base-port") { Description = "TL1 port of the first switch, then +1 each in topology order (0: any free ports)", DefaultValueFactory = _ => 10033 };
        var latency = new Option<double>("--latency-ms") { Description = "Command latency of every switch, in ms", DefaultValueFactory = _ => 0 };
        var controlPort = new Option<int>("--control-port") { Description = "Port of the loopback HTTP control API", DefaultValueFactory = _ => DefaultControlPort };
        var snmpBasePort = new Option<int>("--snmp-base-port") { Description = "UDP port of the first switch's SNMP agent (v2c community public/private), then +1 each (0: any free ports)", DefaultValueFactory = _ => 16161 };
        var trapTarget = new Option<string?>("--trap-target") { Description = "Send SNMPv2c linkDown/linkUp traps to HOST:PORT" };
        var loginQuirk = new Option<int?>("--calient-login-quirk-ms") { Description = "Calient switches deny the first command within N ms of a login PLNA, as real ones do (0: off)" };
        var json = new Option<bool>("--json") { Description = "Accepted for uniformity: the output is always JSON, one object a line" };
        var command = new Command("optical", "Run every photonic switch of a topology on loopback TL1 ports (and SNMP on UDP) until interrupted") { topologyFile, basePort, latency, controlPort, snmpBasePort, trapTarget, loginQuirk, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int first = Port(parse.GetValue(basePort), "--base-port", allowZero: true);
            int control = Port(parse.GetValue(controlPort), "--control-port", allowZero: false);
            var snmp = new SnmpAgentOptions
            {
                BasePort = Port(parse.GetValue(snmpBasePort), "--snmp-base-port", allowZero: true),
                TrapTargets = parse.GetValue(trapTarget) is { } t ? [TrapTarget(t)] : [],
            };
            double ms = parse.GetValue(latency);
            if (!double.IsFinite(ms) || ms < 0 || ms > 600_000)
            {
                throw new UsageException($"--latency-ms must be between 0 and 600000, got {ms}");
            }

            var quirk = LoginQuirk(parse.GetValue(loginQuirk));
            var topology = parse.GetValue(topologyFile) is { } path ? TopologyFile.Load(path) : DemoTopology.Load();
            OpticalSimulator simulator;
            try
            {
                simulator = await OpticalSimulator.StartAsync(topology, first, control, snmp: snmp).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or System.Net.HttpListenerException)
            {
                throw new CliInputException($"cannot listen on loopback (TL1 base port {first}, SNMP base port {snmp.BasePort}, control port {control}): {ex.Message}", ex);
            }

            await using (simulator.ConfigureAwait(false))
            {
                foreach (var sw in simulator.Network.Switches)
                {
                    sw.Faults.SetLatency(TimeSpan.FromMilliseconds(ms));
                    sw.Faults.LoginQuirkWindow = quirk;
                }

                foreach (var e in simulator.Endpoints)
                {
                    console.Json(new SimSwitchJson(e.Name, e.Dialect, e.Tl1Port, e.SnmpPort), CliJsonLineContext.Default.SimSwitchJson);
                }

                console.Json(new SimControlJson(simulator.ControlAddress!.ToString()), CliJsonLineContext.Default.SimControlJson);
                console.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Interrupted: shut down cleanly.
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Link(CliConsole console, string verb, string description)
    {
        var link = new Argument<string>("LINK") { Description = "Link id in the simulated topology" };
        var control = new Option<string>("--control") { Description = "Control API of the running simulator", DefaultValueFactory = _ => $"http://127.0.0.1:{DefaultControlPort}/" };
        var json = CommonOptions.Json();
        var command = new Command(verb, description) { link, control, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(control), UriKind.Absolute, out var baseUri) || baseUri.Scheme != Uri.UriSchemeHttp)
            {
                throw new UsageException($"--control must be an http:// address, got '{parse.GetValue(control)}'");
            }

            string id = parse.GetValue(link)!;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            HttpResponseMessage response;
            try
            {
                response = await PostLinkAsync(http, baseUri, id, verb, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new CliInputException($"no simulator control API at {baseUri} ({ex.Message}); start one with 'netctl sim optical'", ex);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    throw new CliInputException(ErrorText(body) ?? $"the simulator answered {(int)response.StatusCode}");
                }

                var result = await response.Content.ReadFromJsonAsync(CliJsonLineContext.Default.SimLinkJson, cancellationToken).ConfigureAwait(false)
                    ?? throw new CliInputException("the simulator answered with no body");
                if (parse.GetValue(json))
                {
                    console.Json(result, CliJsonLineContext.Default.SimLinkJson);
                }
                else
                {
                    console.Out.WriteLine($"{result.Link}: {(result.Cut ? "cut" : "repaired")}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>POST <c>links/LINK/cut</c> or <c>links/LINK/repair</c> to the simulator's control API at <paramref name="control"/>.</summary>
    internal static Task<HttpResponseMessage> PostLinkAsync(HttpClient http, Uri control, string link, string verb, CancellationToken cancellationToken) =>
        http.PostAsync(new Uri(control, $"links/{Uri.EscapeDataString(link)}/{verb}"), null, cancellationToken);

    private static string? ErrorText(string body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static SnmpTrapTarget TrapTarget(string text)
    {
        int colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535
            ? new SnmpTrapTarget(text[..colon], port)
            : throw new UsageException($"--trap-target must be HOST:PORT, got '{text}'");
    }

    /// <summary>The login quirk window of <c>--calient-login-quirk-ms</c>: null when absent or 0 (off).</summary>
    internal static TimeSpan? LoginQuirk(int? ms) => ms switch
    {
        null or 0 => null,
        < 0 => throw new UsageException($"--calient-login-quirk-ms must be a non-negative integer (milliseconds), got {ms}"),
        _ => TimeSpan.FromMilliseconds(ms.Value),
    };

    internal static int Port(int value, string option, bool allowZero) =>
        (allowZero ? value >= 0 : value > 0) && value <= 65535 ? value : throw new UsageException($"{option} must be a TCP port (1-65535{(allowZero ? ", or 0" : string.Empty)}), got {value}");
}
