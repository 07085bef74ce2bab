using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Agent.Configuration;
using NetControl.Agent.HostCommands;
using NetControl.Drivers.Host.Configuration;
using NetControl.Drivers.Host.Shell;
using NetControl.Messaging;
using NetControl.Messaging.Agent;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Connection;
using NetControl.Messaging.Contracts;
using NetControl.Messaging.StoreAndForward;
using NetControl.Probes.Bandwidth;
using NetControl.Probes.Sessions;

namespace NetControl.Agent.Hosting;

/// <summary>
/// The probe agent process: the optional STAMP reflector, one supervised STAMP session per configured target, and
/// optionally a bandwidth stream receiver and periodic available-bandwidth estimates towards chosen targets, and
/// the <see cref="AgentPublisher"/> that journals each interval summary and sends it to the broker (store and
/// forward, presence with a last will). A failing session is restarted with backoff without disturbing the others.
/// <see cref="StopAsync"/> stops the sessions, waits (bounded) for the broker to acknowledge what is queued, then
/// publishes the <c>offline</c> status; what was not acknowledged stays journaled for the next run.
/// </summary>
public sealed class AgentHost : IAsyncDisposable
{
    private readonly AgentHostOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private AgentPublisher? _publisher;
    private StampReflector? _reflector;
    private UdpStreamReceiver? _bandwidthReceiver;
    private Task[] _sessions = [];
    private IDisposable? _hostShell;
    private string? _hostWhere;
    private int _state; // 0 new, 1 started, 2 stopped

    /// <summary>Prepares a host for <paramref name="config"/>; nothing runs before <see cref="StartAsync"/>.</summary>
    public AgentHost(AgentConfig config, AgentHostOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _options = options ?? new AgentHostOptions();
        _loggers = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<AgentHost>();
        _time = timeProvider ?? TimeProvider.System;
        HostCommands = config.HostCommands is { } commands ? CreateHostCommands(config.AgentId, commands, _loggers, _time) : null;
    }

    /// <summary>The runner of the controller's signed host commands; null when the configuration accepts none.</summary>
    public HostCommandService? HostCommands { get; }

    /// <summary>Raised (on a session's thread) for every summary once it is journaled, with its sequence number.</summary>
    public event Action<ProbeSummary>? SummaryEnqueued;

    /// <summary>The configuration the host runs.</summary>
    public AgentConfig Config { get; }

    /// <summary>Summaries produced and enqueued, sessions restarted.</summary>
    public AgentHostCounters Counters { get; } = new();

    /// <summary>Where the reflector listens (the actual port when 0 was configured); null when none runs.</summary>
    public IPEndPoint? ReflectorEndPoint => _reflector?.LocalEndPoint;

    /// <summary>Where the bandwidth stream receiver listens (the actual port when 0 was configured); null when none runs.</summary>
    public IPEndPoint? BandwidthReceiverEndPoint => _bandwidthReceiver?.LocalEndPoint;

    /// <summary>The reflector's counters; null when none runs.</summary>
    public StampReflectorCounters? ReflectorCounters => _reflector?.Counters;

    /// <summary>The publisher's connection counters; null before start.</summary>
    public AgentPublisherCounters? PublisherCounters => _publisher?.Counters;

    /// <summary>True while connected to the broker.</summary>
    public bool IsBrokerConnected => _publisher?.IsConnected == true;

    /// <summary>Summaries journaled and not yet acknowledged by the broker.</summary>
    public int PendingSummaries => _publisher?.Queue.PendingCount ?? 0;

    /// <summary>Opens the journal, starts the reflector and the bandwidth receiver (when configured), the publisher, one STAMP session per target and one estimate loop per bandwidth target.</summary>
    /// <exception cref="AgentException">The journal cannot be opened or the reflector or bandwidth receiver cannot listen.</exception>
    /// <exception cref="InvalidOperationException">The host was already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref _state) != 0)
        {
            throw new InvalidOperationException("an agent host starts once");
        }

        if (HostCommands is { } hostCommands)
        {
            // Before the first command can arrive: change sets applied by an earlier run can be rolled back.
            await hostCommands.LoadAsync(cancellationToken).ConfigureAwait(false);
            AgentHostLog.HostCommands(_logger, Config.AgentId, _hostWhere!, hostCommands.ChangeSets.Count);
        }

        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("an agent host starts once");
        }

        _publisher = OpenPublisher();
        try
        {
            _reflector = Config.Reflector is { } r ? OpenReflector(r) : null;
            _bandwidthReceiver = Config.Bandwidth?.Listen is { } listen ? OpenBandwidthReceiver(listen) : null;
        }
        catch (AgentException)
        {
            if (_reflector is not null)
            {
                await _reflector.DisposeAsync().ConfigureAwait(false);
                _reflector = null;
            }

            await _publisher.DisposeAsync().ConfigureAwait(false);
            _publisher = null;
            Volatile.Write(ref _state, 2);
            throw;
        }

        _publisher.Start();
        var estimated = Config.Bandwidth?.TargetIds ?? [];
        var latest = estimated.ToDictionary(id => id, _ => new LatestBandwidth(), StringComparer.Ordinal);
        var sessions = Config.Targets.Select(t =>
        {
            var session = new TargetSession(Config.AgentId, t, _publisher, Counters, _options, _loggers, _time, latest.GetValueOrDefault(t.Id), OnSummary);
            return Task.Run(() => session.RunAsync(_stop.Token), CancellationToken.None);
        });
        var estimates = Config.Targets.Where(t => latest.ContainsKey(t.Id)).Select(t =>
        {
            var session = new BandwidthSession(Config.AgentId, t, Config.Bandwidth!, latest[t.Id], Counters, _loggers, _time);
            return Task.Run(() => session.RunAsync(_stop.Token), CancellationToken.None);
        });
        _sessions = [.. sessions, .. estimates];
        AgentHostLog.Started(_logger, Config.AgentId, $"{Config.Broker.Host}:{Config.Broker.Port}", Config.Broker.SecretSource, Config.JournalDirectory, ReflectorEndPoint?.ToString() ?? "none", Config.Targets.Count);
    }

    /// <summary>
    /// Stops the sessions and the reflector, waits up to <see cref="AgentHostOptions.FlushTimeout"/> (or until
    /// <paramref name="cancellationToken"/>) for the broker to acknowledge the queue, then publishes <c>offline</c>
    /// and disconnects. Returns how many summaries were left unacknowledged (kept in the journal). Idempotent.
    /// </summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return 0;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_sessions).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_reflector is not null)
        {
            await _reflector.DisposeAsync().ConfigureAwait(false);
        }

        if (_bandwidthReceiver is not null)
        {
            await _bandwidthReceiver.DisposeAsync().ConfigureAwait(false);
        }

        var publisher = _publisher!;
        using (var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            flush.CancelAfter(_options.FlushTimeout);
            try
            {
                await publisher.FlushAsync(flush.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // bounded wait: the rest stays journaled
            }
        }

        int pending = publisher.Queue.PendingCount;
        await publisher.DisposeAsync().ConfigureAwait(false);
        AgentHostLog.Stopped(_logger, Config.AgentId, pending);
        return pending;
    }

    /// <summary>Stops (see <see cref="StopAsync"/>) and releases everything.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _hostShell?.Dispose();
        _stop.Dispose();
    }

    private HostCommandService CreateHostCommands(string agentId, HostCommandsConfig config, ILoggerFactory loggers, TimeProvider time)
    {
        var keys = config.ControllerKeys.ToDictionary(
            k => k.Key,
            k =>
            {
                var key = ECDsa.Create();
                key.ImportFromPem(k.Value);
                return key;
            },
            StringComparer.Ordinal);
        var verifier = new CommandVerifier(new CommandVerifierOptions { AgentId = agentId, Keys = keys, MaxLifetime = config.MaxLifetime }, time);
        IHostShell shell = config.Ssh is { } ssh ? new SshShell(ssh.ToShellOptions()) : new LocalShell(config.NetworkNamespace);
        _hostShell = shell as IDisposable;
        _hostWhere = shell.Describe();
        var configurator = new HostConfigurator(shell, loggers.CreateLogger<HostConfigurator>());
        var store = new HostChangeStore(Path.Combine(Config.JournalDirectory, HostChangeStore.DefaultSubdirectory), loggers.CreateLogger<HostChangeStore>(), time);
        return new HostCommandService(verifier, configurator, agentId, time, store, loggers.CreateLogger<HostCommandService>());
    }

    private AgentPublisher OpenPublisher()
    {
        var options = new AgentPublisherOptions
        {
            Broker = new BrokerConnectionOptions
            {
                Host = Config.Broker.Host,
                Port = Config.Broker.Port,
                UserName = Config.AgentId,
                Secret = Config.Broker.Secret,
                ReconnectMinDelay = _options.ReconnectMinDelay,
                ReconnectMaxDelay = _options.ReconnectMaxDelay,
            },
            StoreAndForward = new StoreAndForwardOptions { Directory = Config.JournalDirectory, FsyncEachAppend = _options.FsyncEachAppend },
            CommandHandler = HostCommands is { } commands ? commands.HandleAsync : null,
        };
        try
        {
            return new AgentPublisher(options, _loggers.CreateLogger<AgentPublisher>(), _time);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or MessagingException)
        {
            Volatile.Write(ref _state, 2);
            throw new AgentException($"agent {Config.AgentId}: cannot open the journal in '{Config.JournalDirectory}': {ex.Message}", ex);
        }
    }

    private StampReflector OpenReflector(ReflectorConfig config)
    {
        try
        {
            return new StampReflector(new StampReflectorOptions { EndPoint = config.Listen, KernelTimestamps = config.KernelTimestamps }, _loggers.CreateLogger<StampReflector>());
        }
        catch (SocketException ex)
        {
            throw new AgentException($"agent {Config.AgentId}: the reflector cannot listen on {config.Listen}: {ex.Message}", ex);
        }
    }

    private UdpStreamReceiver OpenBandwidthReceiver(IPEndPoint listen)
    {
        try
        {
            return UdpStreamReceiver.Start(listen, KernelReceiveTimestampSource.Instance, _loggers.CreateLogger<UdpStreamReceiver>());
        }
        catch (SocketException ex)
        {
            throw new AgentException($"agent {Config.AgentId}: the bandwidth receiver cannot listen on {listen}: {ex.Message}", ex);
        }
    }

    private void OnSummary(ProbeSummary summary) => SummaryEnqueued?.Invoke(summary);
}
