using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Cli.Tests.Faults;

/// <summary>A cross-connect on one switch, in the form its driver reads it back.</summary>
internal sealed record SwitchCrossConnect(string Device, CrossConnect Connection)
{
    public override string ToString() => $"{Device} {Connection}";
}

/// <summary>
/// Device truth: the test's own TL1 session and dialect driver per simulated switch (as the controller opens them),
/// independent of any controller process, reading every cross-connect the switches hold.
/// </summary>
internal sealed class SwitchTruth : IAsyncDisposable
{
    private readonly Dictionary<string, (Tl1Session Session, ICrossConnectProgrammable Driver)> _devices = new(StringComparer.Ordinal);

    public static async Task<SwitchTruth> ConnectAsync(IEnumerable<SimulatedSwitch> switches, CancellationToken cancellationToken = default)
    {
        var truth = new SwitchTruth();
        try
        {
            foreach (var sw in switches)
            {
                var session = new Tl1Session(
                    new TcpTl1Transport("127.0.0.1", sw.Tl1Port),
                    new Tl1SessionOptions { Device = sw.Name, UserName = "fault-test", Password = "fault-test", KeepAliveInterval = Timeout.InfiniteTimeSpan, CommandTimeout = TimeSpan.FromSeconds(30) });
                truth._devices[sw.Name] = (session, Tl1DriverFactory.Create(Enum.Parse<Tl1Dialect>(sw.Dialect, ignoreCase: true), session));
                await session.StartAsync(cancellationToken);
            }

            return truth;
        }
        catch
        {
            await truth.DisposeAsync();
            throw;
        }
    }

    /// <summary>The form in which the switch reports <paramref name="connection"/>.</summary>
    public SwitchCrossConnect Canonical(string device, CrossConnect connection) => new(device, _devices[device].Driver.Canonical(connection));

    /// <summary>Every cross-connect on every switch, whatever its status.</summary>
    public async Task<HashSet<SwitchCrossConnect>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var reads = await Task.WhenAll(_devices.Select(async d =>
            (await d.Value.Driver.ReadCrossConnectsAsync(cancellationToken)).Select(s => new SwitchCrossConnect(d.Key, s.Connection))));
        return [.. reads.SelectMany(r => r)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (session, _) in _devices.Values)
        {
            await session.DisposeAsync();
        }
    }
}
