using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NetControl.Cli.Output;
using NetControl.Controller.Configuration;
using NetControl.Controller.Hosting;

namespace NetControl.Cli.Commands;

/// <summary>
/// <c>netctl controller --config FILE [--check] [--for SECONDS] [--verbose]</c>: runs the controller (REST API,
/// device sessions, restoration, telemetry) from a configuration file until interrupted or for the duration.
/// <c>--check</c> only validates the file and prints what it configures (never a secret). A configuration error
/// exits 2 with its one-line message; a device that cannot be reached at start exits 1.
/// </summary>
internal static class ControllerCommand
{
    private const int MaxSeconds = 4_294_967;

    public static Command Create(CliConsole console)
    {
        var config = new Option<string>("--config") { Description = "Controller configuration file (YAML; see src/NetControl.Controller/controller.example.yaml)", Required = true };
        var check = new Option<bool>("--check") { Description = "Validate the file, print what it configures and exit" };
        var duration = new Option<double?>("--for") { Description = "Serve for this many seconds, then stop cleanly (default: until Ctrl-C)" };
        var verbose = new Option<bool>("--verbose") { Description = "Also print informational log messages on standard error" };
        var command = new Command("controller", "Run the controller from a configuration file: REST API, switches over TL1, restoration, probe telemetry") { config, check, duration, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(duration);
            if (seconds is { } s && (!double.IsFinite(s) || s <= 0 || s > MaxSeconds))
            {
                throw new UsageException($"--for must be a number of seconds above 0 and at most {MaxSeconds}, got {s.ToString(CultureInfo.InvariantCulture)}");
            }

            ControllerOptions options;
            try
            {
                options = ControllerConfigLoader.Load(parse.GetRequiredValue(config));
            }
            catch (ControllerConfigException ex)
            {
                console.Fail(ex.Message);
                return ExitCodes.UsageError;
            }

            if (parse.GetValue(check))
            {
                foreach (string line in Describe(options))
                {
                    console.Out.WriteLine(line);
                }

                return ExitCodes.Ok;
            }

            using var loggers = new ConsoleLoggerFactory(console, parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            await using var host = await ControllerHost.StartAsync(options, loggers, cancellationToken: cancellationToken).ConfigureAwait(false);
            loggers.Write(console.Out, $"controller: serving {host.Service.Topology.Name} on {host.Address} ({options.Devices.Count} devices, {options.Tokens.Count} tokens, {(options.DatabasePath is null ? "state in memory" : $"state in {options.DatabasePath}")})");
            try
            {
                await Task.Delay(seconds is { } run ? TimeSpan.FromSeconds(run) : Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: stop cleanly.
            }

            loggers.Write(console.Out, "controller: stopped");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What a configuration sets up, one line each; devices and tokens print without their secrets.</summary>
    internal static IEnumerable<string> Describe(ControllerOptions options)
    {
        yield return $"listen: {options.Listen}";
        yield return $"topology: {options.TopologyPath} ({options.Topology!.Name}: {options.Topology.Nodes.Length} nodes, {options.Topology.Links.Length} links)";
        yield return $"database: {options.DatabasePath ?? "none (state in memory)"}";
        yield return $"tokens: {(options.Tokens.Count == 0 ? "none (the API refuses every call)" : string.Join(", ", options.Tokens))}";
        foreach (var device in options.Devices)
        {
            yield return $"device: {device}{(device.Ssh is { } ssh ? $" via {ssh}" : string.Empty)}";
        }

        if (options.SnmpTrapListen is int trapPort)
        {
            yield return $"snmp traps: udp {options.SnmpTrapAddress}:{trapPort}";
        }

        yield return FormattableString.Invariant($"timeouts: device connect {options.DeviceConnectTimeout.TotalSeconds} s, command {options.DeviceCommandTimeout.TotalSeconds} s, power poll {options.PowerPollInterval.TotalSeconds} s");
        if (options.Telemetry is { } t)
        {
            yield return $"telemetry: {(t.EmbeddedBroker ? "embedded broker on" : "external broker at")} {t.BrokerHost}:{t.BrokerPort}, {t.AgentSecrets.Count} agents, roll-ups {t.RollupDatabasePath ?? "not kept"}, overlay {(t.Overlay is { } o ? o.Name : "none")}";
        }
    }
}
