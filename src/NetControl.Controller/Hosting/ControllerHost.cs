using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Controller.Devices;
using NetControl.Controller.Hosts;
using NetControl.Controller.Telemetry;
using NetControl.Controller.Utilisation;
using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Connection;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Persistence;
using NetControl.Orchestration.Restoration;

namespace NetControl.Controller.Hosting;

/// <summary>
/// A running controller: Kestrel serving the API on <see cref="Address"/>, the lightpath service, the device sessions,
/// one alarm watch per device, the SNMP trap receiver and the utilisation poller. <see cref="DisposeAsync"/> stops them all, API first.
/// </summary>
public sealed class ControllerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<IAsyncDisposable> _owned;
    private readonly ILogger _logger;
    private int _disposed;

    private ControllerHost(WebApplication app, Uri address, ILightpathService service, DeviceSet? devices, TelemetryPipeline? telemetry, LinkUtilisationTable utilisation, List<IAsyncDisposable> owned, ILogger logger)
    {
        Telemetry = telemetry;
        Utilisation = utilisation;
        _app = app;
        Address = address;
        Service = service;
        Devices = devices;
        _owned = owned;
        _logger = logger;
    }

    /// <summary>The bound base address (the real port when the options asked for port 0).</summary>
    public Uri Address { get; }

    public ILightpathService Service { get; }

    /// <summary>Probe telemetry, when configured.</summary>
    public TelemetryPipeline? Telemetry { get; }

    /// <summary>Measured link utilisation (from the switches' SNMP interface counters; empty when no switch has an SNMP agent).</summary>
    public LinkUtilisationTable Utilisation { get; }

    /// <summary>The dashboard hub's feed: what its clients are sent (and where a benchmark can inject updates).</summary>
    public Dashboard.DashboardFeed Dashboard => _app.Services.GetRequiredService<Dashboard.DashboardFeed>();

    /// <summary>The connected switches (null when the host serves a given service).</summary>
    public DeviceSet? Devices { get; }

    /// <summary>
    /// Loads the topology, opens the store, connects every device, starts the lightpath service (which reconciles with
    /// the switches), the alarm watches and the trap receiver, then the API.
    /// </summary>
    public static async Task<ControllerHost> StartAsync(
        ControllerOptions options, ILoggerFactory? loggers = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = loggers ?? NullLoggerFactory.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var topology = LoadTopology(options);
        var owned = new List<IAsyncDisposable>();
        try
        {
            var store = await StoreFactory.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            owned.Add(store);
            var devices = await DeviceSet.ConnectAsync(options, log, time, cancellationToken).ConfigureAwait(false);
            owned.Add(devices);
            TelemetryPipeline? telemetry = null;
            var hosts = HostsFor(options, () => telemetry, time, owned);
            var service = new LightpathService(topology, devices.Get, store, options.LightpathService, time, log, hosts);
            owned.Add(service);
            await service.StartAsync(cancellationToken).ConfigureAwait(false);
            owned.Add(new AlarmWatcher(devices.Connections.Where(d => d.Alarms is not null).Select(d => (d.Name, d.Alarms!)), service, log.CreateLogger<AlarmWatcher>(), time));
            if (options.SnmpTrapListen is int trapPort)
            {
                var listen = new IPEndPoint(IPAddress.Parse(options.SnmpTrapAddress), trapPort);
                owned.Add(await SnmpTrapBridge.StartAsync(devices.Connections, listen, service, log, time, cancellationToken).ConfigureAwait(false));
            }

            var utilisation = new LinkUtilisationTable(topology);
            if (options.Devices.Any(d => d.Snmp is not null))
            {
                owned.Add(await UtilisationPoller.StartAsync(options.Devices, utilisation, options.UtilisationPollInterval, log, time, cancellationToken).ConfigureAwait(false));
            }

            if (options.Telemetry is { } telemetryOptions)
            {
                telemetry = await TelemetryPipeline.StartAsync(telemetryOptions, service, log, time, cancellationToken).ConfigureAwait(false);
                owned.Add(telemetry);
            }

            var (app, address) = await ApiApplication.StartAsync(options, service, telemetry, utilisation, log, time, cancellationToken).ConfigureAwait(false);
            var logger = log.CreateLogger<ControllerHost>();
            ControllerLog.Started(logger, topology.Name, address, options.Devices.Count, options.Tokens.Count, options.DatabasePath is null ? "in memory" : "sqlite");
            WarnWithoutTokens(options, logger);
            return new ControllerHost(app, address, service, devices, telemetry, utilisation, owned, logger);
        }
        catch
        {
            await DisposeAllAsync(owned).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Serves the API around an existing service (no devices, store, alarm watches or utilisation poller; <see cref="Utilisation"/> takes what the caller records): for tests and embedding.</summary>
    public static async Task<ControllerHost> StartAsync(
        ControllerOptions options, ILightpathService service, ILoggerFactory? loggers = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(service);
        var log = loggers ?? NullLoggerFactory.Instance;
        var utilisation = new LinkUtilisationTable(service.Topology);
        var (app, address) = await ApiApplication.StartAsync(options, service, null, utilisation, log, timeProvider ?? TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var logger = log.CreateLogger<ControllerHost>();
        WarnWithoutTokens(options, logger);
        return new ControllerHost(app, address, service, null, null, utilisation, [], logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await DisposeAllAsync(_owned).ConfigureAwait(false);
        ControllerLog.Stopped(_logger);
    }

    /// <summary>The agents that configure lightpath end hosts, over the telemetry broker (resolved when a command is sent).</summary>
    private static AgentHostConfigurer? HostsFor(ControllerOptions options, Func<TelemetryPipeline?> telemetry, TimeProvider time, List<IAsyncDisposable> owned)
    {
        if (options.Hosts is not { } hosts)
        {
            return null;
        }

        var t = options.Telemetry ?? throw new ArgumentException("host configuration needs probe telemetry: its MQTT broker carries the host commands", nameof(options));
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(hosts.SigningKeyPem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ArgumentException($"the host command signing key is not a PEM ECDSA private key: {ex.Message}", nameof(options), ex);
        }

        var channel = new HostCommandChannel(
            () => new BrokerConnectionOptions { Host = t.BrokerHost, Port = telemetry()?.BrokerPort ?? t.BrokerPort, UserName = t.ControllerUserName, Secret = t.ControllerSecret },
            new CommandSigner(key, hosts.KeyId),
            time);
        owned.Add(channel);
        return new AgentHostConfigurer(channel, hosts);
    }

    private static NetworkTopology LoadTopology(ControllerOptions options) =>
        options.Topology
        ?? (options.TopologyPath is { } path
            ? TopologyFile.Load(path)
            : throw new ArgumentException("the controller needs a topology: set Topology or TopologyPath", nameof(options)));

    private static void WarnWithoutTokens(ControllerOptions options, ILogger logger)
    {
        if (options.Tokens.Count == 0)
        {
            ControllerLog.NoTokens(logger);
        }
    }

    /// <summary>Disposes in reverse order of creation (watchers before the service, the service before the sessions and the store).</summary>
    private static async Task DisposeAllAsync(List<IAsyncDisposable> owned)
    {
        for (int i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync().ConfigureAwait(false);
        }
    }
}
