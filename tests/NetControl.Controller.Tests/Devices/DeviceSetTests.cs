using NetControl.Drivers.Tl1.Drivers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Controller.Devices;
using NetControl.Controller.Hosting;
using NetControl.Controller.Tests.Support;
using NetControl.Core.Devices;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.Devices;

public sealed class DeviceSetTests
{
    [Fact]
    public async Task Get_UnconfiguredName_ThrowsDeviceExceptionNamingIt()
    {
        await using var devices = await DeviceSet.ConnectAsync(new ControllerOptions(), NullLoggerFactory.Instance, TimeProvider.System, default);

        var ex = Assert.Throws<DeviceException>(() => devices.Get("NYC-GG"));

        Assert.Equal("NYC-GG", ex.Device);
        Assert.Equal("NYC-GG: no such device is configured (configured: none)", ex.Message);
    }

    [Fact]
    public async Task ConnectAsync_UnreachableDevice_FailsNamingItWithoutCredentials()
    {
        int port = FreePort.Tcp();
        using var loggers = new LogCapture();
        var options = new ControllerOptions
        {
            Devices = [new DeviceEndpoint { Name = "CHI-PXC", Dialect = Tl1Dialect.Calient, Host = "127.0.0.1", Port = port, UserName = "admin", Password = "hunter2-secret" }],
            DeviceConnectTimeout = TimeSpan.FromMilliseconds(500),
        };

        var ex = await Assert.ThrowsAsync<DeviceException>(() => DeviceSet.ConnectAsync(options, loggers, TimeProvider.System, default));

        Assert.Equal("CHI-PXC", ex.Device);
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(loggers.Lines, l => l.ToString().Contains("hunter2", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", options.Devices[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_DuplicateName_Fails()
    {
        var device = new DeviceEndpoint { Name = "GVA-GG", Dialect = Tl1Dialect.Glimmerglass, Host = "127.0.0.1", Port = 1, UserName = "u", Password = "p" };

        var ex = await Assert.ThrowsAsync<DeviceException>(() => DeviceSet.ConnectAsync(new ControllerOptions { Devices = [device, device] }, NullLoggerFactory.Instance, TimeProvider.System, default));

        Assert.Equal("GVA-GG: configured more than once", ex.Message);
    }
}
