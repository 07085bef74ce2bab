using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Receiver;
using NetControl.Orchestration.Restoration;

namespace NetControl.Controller.Devices;

/// <summary>
/// SNMP linkDown/linkUp traps into the event sink as port status. At start it walks each device's IF-MIB ifName
/// (1.3.6.1.2.1.31.1.1.1.1) once to map ifIndex to port name; an ifIndex the walk did not map (the device was slow,
/// down or added an interface since) is read with a GET of its ifName when its first trap arrives. A trap is
/// attributed to the device whose SNMP agent address (and port, when several devices share an address) it came from.
/// </summary>
public sealed class SnmpTrapBridge : IAsyncDisposable
{
    private readonly SnmpTrapReceiver _receiver;
    private readonly SnmpClient _client;
    private readonly Dictionary<IPEndPoint, DeviceInterfaces> _byAgent = [];
    private readonly Dictionary<IPAddress, DeviceInterfaces?> _byAddress = [];
    private readonly IDeviceEventSink _sink;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SnmpTrapBridge(SnmpTrapReceiver receiver, SnmpClient client, IReadOnlyList<DeviceInterfaces> devices, IDeviceEventSink sink, ILogger logger)
    {
        _receiver = receiver;
        _client = client;
        foreach (var device in devices)
        {
            _byAgent.TryAdd(device.Agent, device);

            // An address shared by several agents names no device by itself (null).
            _byAddress[device.Agent.Address] = _byAddress.ContainsKey(device.Agent.Address) ? null : device;
        }

        _sink = sink;
        _logger = logger;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public IPEndPoint EndPoint => _receiver.EndPoint;

    public static async Task<SnmpTrapBridge> StartAsync(
        IEnumerable<DeviceConnection> devices,
        IPEndPoint listen,
        IDeviceEventSink sink,
        ILoggerFactory loggers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var logger = loggers.CreateLogger<SnmpTrapBridge>();
        var withSnmp = devices.Where(d => d.Endpoint.Snmp is not null).ToList();
        var mapped = new List<DeviceInterfaces>();
        var client = new SnmpClient(loggers.CreateLogger<SnmpClient>(), time);
        try
        {
            foreach (var device in withSnmp)
            {
                var agent = await SnmpAgentAddress.ResolveAsync(device.Endpoint.Host, device.Endpoint.Snmp!.Port, cancellationToken).ConfigureAwait(false);
                var target = SnmpTarget.V2c(agent, device.Endpoint.Snmp.Community) with { Name = device.Name };
                var names = new Dictionary<int, string>();
                try
                {
                    await foreach (var vb in client.WalkAsync(target, WellKnownOids.IfName, cancellationToken: cancellationToken).ConfigureAwait(false))
                    {
                        if (IfIndexOf(vb.Oid) is int ifIndex)
                        {
                            names[ifIndex] = vb.Value.AsString();
                        }
                    }

                    DevicesLog.InterfacesMapped(logger, device.Name, names.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    DevicesLog.InterfaceWalkFailed(logger, device.Name, ex);
                }

                mapped.Add(new DeviceInterfaces(device.Name, agent, target, names));
            }
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var communities = withSnmp.Select(d => d.Endpoint.Snmp!.Community).ToHashSet(StringComparer.Ordinal);
        if (communities.Count == 0)
        {
            communities.Add("public");
        }

        var receiver = new SnmpTrapReceiver(
            new SnmpTrapReceiverOptions { EndPoint = listen, Communities = communities },
            loggers.CreateLogger<SnmpTrapReceiver>(),
            time);
        DevicesLog.TrapListening(logger, receiver.EndPoint.ToString());
        return new SnmpTrapBridge(receiver, client, mapped, sink, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _receiver.DisposeAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _client.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>The device a trap from <paramref name="source"/> belongs to, or null.</summary>
    internal DeviceInterfaces? DeviceFor(IPEndPoint source) =>
        _byAgent.TryGetValue(source, out var exact) ? exact
        : _byAddress.TryGetValue(source.Address, out var byAddress) ? byAddress
        : null;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var notification in _receiver.Notifications.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(notification, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HandleAsync(SnmpNotification notification, CancellationToken cancellationToken)
    {
        if (!notification.TryGetLinkChange(out int ifIndex, out bool up))
        {
            return;
        }

        var device = DeviceFor(notification.Source);
        if (device is null)
        {
            DevicesLog.TrapIgnored(_logger, notification.Source.ToString(), "no configured device has an SNMP agent at that address");
            return;
        }

        if (await PortNameAsync(device, ifIndex, cancellationToken).ConfigureAwait(false) is not { } port)
        {
            DevicesLog.TrapIgnored(_logger, notification.Source.ToString(), $"{device.Name} has no interface with ifIndex {ifIndex}");
            return;
        }

        string direction = up ? "linkUp" : "linkDown";
        DevicesLog.LinkTrap(_logger, direction, device.Name, port);
        try
        {
            _sink.OnPortStatus(device.Name, port, up, $"SNMP {direction} from {device.Name} port {port}");
        }
        catch (Exception ex)
        {
            DevicesLog.SinkFailed(_logger, device.Name, ex);
        }
    }

    /// <summary>The port name of <paramref name="ifIndex"/>: mapped at start, or read now and remembered.</summary>
    private async Task<string?> PortNameAsync(DeviceInterfaces device, int ifIndex, CancellationToken cancellationToken)
    {
        if (device.Names.TryGetValue(ifIndex, out string? known))
        {
            return known;
        }

        try
        {
            var values = await _client.GetAsync(device.Target, [$"{WellKnownOids.IfName}.{ifIndex}"], cancellationToken).ConfigureAwait(false);
            if (values is [{ Value.IsException: false } value])
            {
                return device.Names[ifIndex] = value.Value.AsString();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DevicesLog.InterfaceWalkFailed(_logger, device.Name, ex);
        }

        return null;
    }

    private static int? IfIndexOf(string oid) =>
        int.TryParse(oid[(oid.LastIndexOf('.') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int ifIndex) ? ifIndex : null;

    /// <summary>A device's SNMP agent and its ifIndex → port name map.</summary>
    /// <remarks>Only the bridge's receive loop reads and fills <see cref="Names"/>.</remarks>
    internal sealed record DeviceInterfaces(string Name, IPEndPoint Agent, SnmpTarget Target, Dictionary<int, string> Names);
}
