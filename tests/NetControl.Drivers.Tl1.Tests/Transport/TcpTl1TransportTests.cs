using System.Net;
using System.Net.Sockets;
using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Drivers.Tl1.Tests.Transport;

public sealed class TcpTl1TransportTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Describe_NamesProtocolHostAndPort()
    {
        Assert.Equal("tcp 127.0.0.1:10033", new TcpTl1Transport("127.0.0.1", 10033).Describe());
        Assert.Equal("tcp [::1]:3082", new TcpTl1Transport("::1", 3082).Describe());
    }

    [Fact]
    public void Constructor_PortOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TcpTl1Transport("127.0.0.1", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TcpTl1Transport("127.0.0.1", 65536));
    }

    [Fact]
    public async Task ConnectAsync_EchoServer_BytesPassUnchangedBothWays()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var prompt = PipeIo.Ascii("\r\n\n   GGN 24-01-01 00:00:00\r\nM  1 COMPLD\r\n;\r\n<");
        await using var server = LoopbackTcpServer.GreetThenEcho(prompt);
        await using var channel = await new TcpTl1Transport("127.0.0.1", server.Port).ConnectAsync(cts.Token);

        Assert.Equal(prompt, await PipeIo.ReadExactlyAsync(channel.Input, prompt.Length, cts.Token));

        byte[] command = [.. PipeIo.Ascii("ACT-USER::admin:1::secret;\r\n\n<;"), .. Enumerable.Range(0, 256).Select(i => (byte)i)];
        await PipeIo.WriteAsync(channel.Output, command, cts.Token);
        Assert.Equal(command, await PipeIo.ReadExactlyAsync(channel.Input, command.Length, cts.Token));
    }

    [Fact]
    public async Task ConnectAsync_OneMebibyte_RoundTripsExactly()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var server = LoopbackTcpServer.Echo();
        await using var channel = await new TcpTl1Transport("127.0.0.1", server.Port).ConnectAsync(cts.Token);
        var payload = PipeIo.Pattern(1024 * 1024, seed: 1);

        var reading = PipeIo.ReadExactlyAsync(channel.Input, payload.Length, cts.Token);
        await PipeIo.WriteAsync(channel.Output, payload, cts.Token);

        Assert.Equal(payload, await reading);
    }

    [Fact]
    public async Task Input_PeerClosesAfterSending_CompletesAfterTheData()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var server = new LoopbackTcpServer((socket, ct) => LoopbackTcpServer.SendAllAsync(socket, PipeIo.Ascii("bye;"), ct));
        await using var channel = await new TcpTl1Transport("127.0.0.1", server.Port).ConnectAsync(cts.Token);

        Assert.Equal(PipeIo.Ascii("bye;"), await PipeIo.ReadToEndAsync(channel.Input, cts.Token));
    }

    [Fact]
    public async Task Input_PeerResets_FaultsWithTransientTransportError()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var server = new LoopbackTcpServer(async (socket, ct) =>
        {
            // Reset only once the client is surely connected (it sent a byte), then abort with RST.
            await socket.ReceiveAsync(new byte[1], SocketFlags.None, ct);
            socket.LingerState = new LingerOption(enable: true, seconds: 0);
            socket.Close();
        });
        await using var channel = await new TcpTl1Transport("127.0.0.1", server.Port).ConnectAsync(cts.Token);
        await PipeIo.WriteAsync(channel.Output, PipeIo.Ascii(";"), cts.Token);

        var error = await Assert.ThrowsAsync<Tl1TransportException>(() => PipeIo.ReadToEndAsync(channel.Input, cts.Token));

        Assert.True(error.IsTransient);
        Assert.Equal($"tcp 127.0.0.1:{server.Port}: connection reset by peer", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsTransientRefusedNamingTheAddress()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var port = ClosedPort();

        var error = await Assert.ThrowsAsync<Tl1TransportException>(() => new TcpTl1Transport("127.0.0.1", port).ConnectAsync(cts.Token).AsTask());

        Assert.True(error.IsTransient);
        Assert.Equal($"tcp 127.0.0.1:{port}: connection refused", error.Message);
        Assert.Equal($"tcp 127.0.0.1:{port}", error.Device);
    }

    [Fact]
    public async Task ConnectAsync_PeerNeverAnswers_TimesOutTransiently()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        using var blackhole = FullBacklog.Create();
        var transport = new TcpTl1Transport("127.0.0.1", blackhole.Port, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<Tl1TransportException>(() => transport.ConnectAsync(cts.Token).AsTask());

        Assert.True(error.IsTransient);
        Assert.Equal($"tcp 127.0.0.1:{blackhole.Port}: connect timed out after 0.3 s", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_CancelledWhileConnecting_ThrowsOperationCanceled()
    {
        using var blackhole = FullBacklog.Create();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var transport = new TcpTl1Transport("127.0.0.1", blackhole.Port, TestTimeout);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.ConnectAsync(cts.Token).AsTask());
    }

    [Fact]
    public async Task DisposeAsync_WhileReading_CompletesTheReadAndClosesTheSocket()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var serverSawEnd = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackTcpServer(async (socket, ct) =>
            serverSawEnd.TrySetResult(await LoopbackTcpServer.ReceiveToEndAsync(socket, ct)));
        var channel = await new TcpTl1Transport("127.0.0.1", server.Port).ConnectAsync(cts.Token);
        var reading = channel.Input.ReadAsync(cts.Token).AsTask();

        await channel.DisposeAsync();

        Assert.True((await reading).IsCompleted);
        Assert.Empty(await serverSawEnd.Task.WaitAsync(cts.Token));
        await channel.DisposeAsync();
    }

    [Fact]
    public async Task Output_Completed_HalfClosesButKeepsReceiving()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await using var server = new LoopbackTcpServer(async (socket, ct) =>
        {
            var received = await LoopbackTcpServer.ReceiveToEndAsync(socket, ct);
            byte[] reply = [.. PipeIo.Ascii("got "), .. received];
            await LoopbackTcpServer.SendAllAsync(socket, reply, ct);
        });
        await using var channel = await new TcpTl1Transport("127.0.0.1", server.Port).ConnectAsync(cts.Token);

        await PipeIo.WriteAsync(channel.Output, PipeIo.Ascii("RTRV-HDR:::7;"), cts.Token);
        await channel.Output.CompleteAsync();

        Assert.Equal(PipeIo.Ascii("got RTRV-HDR:::7;"), await PipeIo.ReadToEndAsync(channel.Input, cts.Token));
    }

    private static int ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
