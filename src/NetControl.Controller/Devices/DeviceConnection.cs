using NetControl.Controller.Hosting;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Controller.Devices;

/// <summary>One connected switch: its configuration, TL1 session and dialect driver.</summary>
public sealed class DeviceConnection(DeviceEndpoint endpoint, Tl1Session session, ICrossConnectProgrammable driver) : IAsyncDisposable
{
    public string Name => Endpoint.Name;

    public DeviceEndpoint Endpoint { get; } = endpoint;

    public Tl1Session Session { get; } = session;

    public ICrossConnectProgrammable Driver { get; } = driver;

    /// <summary>The driver's alarm capability, when it has one.</summary>
    public IAlarmSource? Alarms => Driver as IAlarmSource;

    public ValueTask DisposeAsync() => Session.DisposeAsync();

    public override string ToString() => Endpoint.ToString();
}
