using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NetControl.Agent;
using NetControl.Agent.Configuration;
using NetControl.Agent.Hosting;
using NetControl.Cli.Output;
using NetControl.Messaging.Contracts;

namespace NetControl.Cli.Commands;

/// <summary>
/// <c>netctl agent --config FILE [--duration SECONDS] [--quiet] [--verbose]</c>: runs the probe agent (reflector, one
/// STAMP session per target, summaries to the broker) until interrupted or for the duration, printing one line per
/// reporting interval per target. A configuration error exits 2 with its one-line message.
/// </summary>
internal static class AgentCommand
{
    /// <summary>The longest <c>--duration</c>: a timer's limit (about 49 days).</summary>
    private const int MaxDurationSeconds = 4_294_967;

    public static Command Create(CliConsole console)
    {
        var config = new Option<string>("--config") { Description = "Agent configuration file (YAML; see src/NetControl.Agent/agent.example.yaml)", Required = true };
        var duration = new Option<double?>("--duration") { Description = "Run for this many seconds, then stop cleanly (default: until Ctrl-C)" };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing per interval" };
        var verbose = new Option<bool>("--verbose") { Description = "Also print informational log messages on standard error" };
        var command = new Command("agent", "Run the probe agent: STAMP reflector and sessions, summaries to the controller over MQTT") { config, duration, quiet, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(duration);
            if (seconds is { } s && (!double.IsFinite(s) || s <= 0 || s > MaxDurationSeconds))
            {
                throw new UsageException($"--duration must be a number of seconds above 0 and at most {MaxDurationSeconds}, got {s.ToString(CultureInfo.InvariantCulture)}");
            }

            AgentConfig loaded;
            try
            {
                loaded = AgentConfigLoader.Load(parse.GetRequiredValue(config));
            }
            catch (AgentException ex)
            {
                console.Fail(ex.Message);
                return ExitCodes.UsageError;
            }

            using var loggers = new ConsoleLoggerFactory(console, parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            await using var host = new AgentHost(loaded, loggerFactory: loggers);
            if (!parse.GetValue(quiet))
            {
                host.SummaryEnqueued += summary => loggers.Write(console.Out, Line(summary));
            }

            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(seconds is { } run ? TimeSpan.FromSeconds(run) : Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: stop cleanly.
            }

            int left = await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            if (!parse.GetValue(quiet))
            {
                var c = host.Counters;
                loggers.Write(console.Out, FormattableString.Invariant($"agent {loaded.AgentId}: {c.SummariesEnqueued} summaries, {c.SessionsRestarted} session restarts, {left} not yet acknowledged (kept in {loaded.JournalDirectory})"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One interval of one target: <c>TIME TARGET rtt median X ms, jitter Y ms, loss Z% (lost/sent)[, available A-B Mbit/s]</c>.</summary>
    internal static string Line(ProbeSummary s) => FormattableString.Invariant(
        $"{s.IntervalStart.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {s.TargetId} rtt median {Ms(s.RttMedianUs)}, jitter {Ms(s.JitterUs)}, loss {s.LossRatio * 100:0.0}% ({s.Lost}/{s.Sent})")
        + (s.AvailableBandwidth is { } b ? FormattableString.Invariant($", available {b.LowBps / 1e6:0.#}-{b.HighBps / 1e6:0.#} Mbit/s") : string.Empty);

    private static string Ms(double? us) => us is { } v ? FormattableString.Invariant($"{v / 1000:0.000} ms") : "-";
}
