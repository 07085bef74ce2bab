using NetControl.Drivers.Tl1.Drivers;
using NetControl.Controller.Devices;
using NetControl.Controller.Hosting;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Controller.Tests.Devices;

/// <summary><see cref="DeviceConnection"/>s around a given driver, with a TL1 session that is never started.</summary>
internal static class DeviceTestConnections
{
    public static DeviceConnection Create(string name, ICrossConnectProgrammable driver, SnmpEndpoint? snmp = null) =>
        new(
            new DeviceEndpoint { Name = name, Dialect = Tl1Dialect.Calient, Host = "127.0.0.1", Port = 9, UserName = "u", Password = "p", Snmp = snmp },
            new Tl1Session(new TcpTl1Transport("127.0.0.1", 9), new Tl1SessionOptions { Device = name, UserName = "u", Password = "p" }),
            driver);
}
