using System.Net.Sockets;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Drivers.Tl1.Tests.Transport;

public sealed class Tl1TransportExceptionTests
{
    [Fact]
    public void Constructor_MultiLineMessage_IsReportedOnOneLine()
    {
        var error = new Tl1TransportException("ssh a@h:22 -> 127.0.0.1:3082", "failed:\r\n  line two\n", isTransient: false);

        Assert.Equal("ssh a@h:22 -> 127.0.0.1:3082: failed: line two", error.Message);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, "connection refused", true)]
    [InlineData(SocketError.TimedOut, "timed out", true)]
    [InlineData(SocketError.ConnectionReset, "connection reset by peer", true)]
    [InlineData(SocketError.HostNotFound, "host not found", false)]
    public void FromSocket_KnownErrors_SayWhatAndWhetherTransient(SocketError code, string what, bool transient)
    {
        var error = Tl1TransportException.FromSocket("tcp 10.0.0.1:3082", new SocketException((int)code));

        Assert.Equal($"tcp 10.0.0.1:3082: {what}", error.Message);
        Assert.Equal(transient, error.IsTransient);
    }
}
