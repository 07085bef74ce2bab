using Microsoft.Extensions.Logging;
using NetControl.Controller.Hosting;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Controller.Devices;

/// <summary>
/// Every configured switch, connected (TL1 session logged in) with its dialect driver. <see cref="Get"/> is the device
/// lookup the lightpath service uses; an unconfigured name is a <see cref="DeviceException"/> naming it.
/// </summary>
public sealed class DeviceSet : IAsyncDisposable
{
    private readonly Dictionary<string, DeviceConnection> _devices;

    private DeviceSet(IEnumerable<DeviceConnection> devices)
    {
        _devices = devices.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<DeviceConnection> Connections => _devices.Values;

    /// <summary>Connects to every device in parallel; fails (closing what connected) when one cannot log in within the timeout.</summary>
    public static async Task<DeviceSet> ConnectAsync(ControllerOptions options, ILoggerFactory loggers, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var duplicate = options.Devices.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DeviceException(duplicate.Key, "configured more than once");
        }

        var logger = loggers.CreateLogger<DeviceSet>();
        var connections = options.Devices.Select(d => Create(d, options, loggers, time)).ToList();
        try
        {
            await Task.WhenAll(connections.Select(c => StartAsync(c, options.DeviceConnectTimeout, logger, cancellationToken))).ConfigureAwait(false);
        }
        catch
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new DeviceSet(connections);
    }

    public ICrossConnectProgrammable Get(string name) =>
        _devices.TryGetValue(name, out var device)
            ? device.Driver
            : throw new DeviceException(name, $"no such device is configured (configured: {(_devices.Count == 0 ? "none" : string.Join(", ", _devices.Keys.Order(StringComparer.Ordinal)))})");

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices.Values)
        {
            await device.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static DeviceConnection Create(DeviceEndpoint endpoint, ControllerOptions options, ILoggerFactory loggers, TimeProvider time)
    {
        ITl1Transport transport = endpoint.Transport switch
        {
            DeviceTransport.Tcp => new TcpTl1Transport(endpoint.Host, endpoint.Port, logger: loggers.CreateLogger<TcpTl1Transport>()),
            DeviceTransport.Ssh => new SshTl1Transport(SshOptions(endpoint), loggers.CreateLogger<SshTl1Transport>()),
            _ => throw new DeviceException(endpoint.Name, $"unknown transport {endpoint.Transport}"),
        };
        var session = new Tl1Session(transport, new Tl1SessionOptions
        {
            Device = endpoint.Name,
            UserName = endpoint.UserName,
            Password = endpoint.Password,
            CommandTimeout = options.DeviceCommandTimeout,
        }, loggers.CreateLogger<Tl1Session>(), time);
        var driver = Enum.IsDefined(endpoint.Dialect)
            ? endpoint.Dialect.CreateDriver(session, new Tl1DriverOptions { PowerPollInterval = options.PowerPollInterval }, time)
            : throw new DeviceException(endpoint.Name, $"unknown dialect {endpoint.Dialect}");
        return new DeviceConnection(endpoint, session, driver);
    }

    private static SshTl1Options SshOptions(DeviceEndpoint endpoint)
    {
        var ssh = endpoint.Ssh ?? throw new DeviceException(endpoint.Name, "transport ssh needs ssh settings (user, key or password, target port)");
        return new SshTl1Options
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            UserName = ssh.UserName,
            Password = ssh.Password,
            PrivateKeyPath = ssh.PrivateKeyPath,
            ExpectedHostKeySha256 = ssh.KnownHostSha256,
            TargetHost = ssh.TargetHost,
            TargetPort = ssh.TargetPort,
        };
    }

    private static async Task StartAsync(DeviceConnection connection, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await connection.Session.StartAsync(limit.Token).ConfigureAwait(false);
            DevicesLog.Connected(logger, connection.Name, connection.Endpoint.Dialect.ToName(), connection.Endpoint.Host, connection.Endpoint.Port);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            string last = connection.Session.LastFailure is { } why ? $" (last attempt: {why})" : string.Empty;
            throw new DeviceException(connection.Name, $"no TL1 login within {timeout.TotalSeconds:0} s at {connection.Endpoint.Host}:{connection.Endpoint.Port}{last}", isTransient: true);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DeviceException))
        {
            throw new DeviceException(connection.Name, $"could not connect: {ex.Message}", inner: ex);
        }
    }
}
