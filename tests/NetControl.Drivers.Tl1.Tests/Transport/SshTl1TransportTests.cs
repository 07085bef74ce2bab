using System.Net;
using System.Net.Sockets;
using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Drivers.Tl1.Transport;
using Xunit.Abstractions;

namespace NetControl.Drivers.Tl1.Tests.Transport;

/// <summary>
/// TL1 bytes through a real OpenSSH server to a loopback endpoint. Each test prints its part of the sshd log,
/// which the test runner shows when the test fails.
/// </summary>
public sealed class SshTl1TransportTests : IClassFixture<OpenSshServerFixture>, IDisposable
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    private readonly OpenSshServerFixture _sshd;
    private readonly ITestOutputHelper _output;
    private readonly int _logMark;
    private readonly CancellationTokenSource _cts = new(TestTimeout);

    public SshTl1TransportTests(OpenSshServerFixture sshd, ITestOutputHelper output)
    {
        _sshd = sshd;
        _output = output;
        _logMark = sshd.LogMark();
    }

    private CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        _output.WriteLine($"sshd log ({_sshd.LogPath}):");
        _output.WriteLine(_sshd.LogSince(_logMark));
        _cts.Dispose();
    }

    [Fact]
    public void Describe_NamesUserServerAndTarget()
    {
        var transport = new SshTl1Transport(new SshTl1Options { Host = "127.0.0.1", Port = 2222, UserName = "tl1", Password = "x", TargetPort = 10033 });

        Assert.Equal("ssh tl1@127.0.0.1:2222 -> 127.0.0.1:10033", transport.Describe());
    }

    [Fact]
    public void OptionsToString_Secrets_AreRedacted()
    {
        var options = new SshTl1Options { Host = "ne1", UserName = "tl1", Password = "pa55", PrivateKey = "-----BEGIN", TargetPort = 3082 };

        var text = options.ToString();

        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", text, StringComparison.Ordinal);
        Assert.Contains("TargetPort = 3082", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoCredentials_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SshTl1Transport(new SshTl1Options { Host = "127.0.0.1", UserName = "tl1", TargetPort = 10033 }));
    }

    [Fact]
    public async Task ConnectAsync_GreetingAndEchoTarget_BytesPassUnchangedBothWays()
    {
        var prompt = PipeIo.Ascii("\r\n\n   GGN 24-01-01 00:00:00\r\nM  0 COMPLD\r\n;\r\n<");
        await using var target = LoopbackTcpServer.GreetThenEcho(prompt);
        await using var channel = await new SshTl1Transport(_sshd.Options(target.Port)).ConnectAsync(Token);

        Assert.Equal(prompt, await PipeIo.ReadExactlyAsync(channel.Input, prompt.Length, Token));

        byte[] command = [.. PipeIo.Ascii("ENT-CRS-FIBER::10001&10002,20002&20001:42;\r\n\n<;\n\r"), .. Enumerable.Range(0, 256).Select(i => (byte)i)];
        await PipeIo.WriteAsync(channel.Output, command, Token);
        Assert.Equal(command, await PipeIo.ReadExactlyAsync(channel.Input, command.Length, Token));
        Assert.Equal(1, target.Accepted);
    }

    [Fact]
    public async Task ConnectAsync_256KiBPayload_RoundTripsExactly()
    {
        await using var target = LoopbackTcpServer.Echo();
        await using var channel = await new SshTl1Transport(_sshd.Options(target.Port)).ConnectAsync(Token);
        var payload = PipeIo.Pattern(256 * 1024, seed: 2);

        var reading = PipeIo.ReadExactlyAsync(channel.Input, payload.Length, Token);
        await PipeIo.WriteAsync(channel.Output, payload, Token);

        Assert.Equal(payload, await reading);
    }

    [Fact]
    public async Task ConnectAsync_TwoConcurrentChannels_EachGetsItsOwnBytes()
    {
        await using var target = LoopbackTcpServer.Echo();
        var transport = new SshTl1Transport(_sshd.Options(target.Port));
        await using var first = await transport.ConnectAsync(Token);
        await using var second = await transport.ConnectAsync(Token);
        var one = PipeIo.Pattern(64 * 1024, seed: 3);
        var two = PipeIo.Pattern(64 * 1024, seed: 4);

        var readOne = PipeIo.ReadExactlyAsync(first.Input, one.Length, Token);
        var readTwo = PipeIo.ReadExactlyAsync(second.Input, two.Length, Token);
        await Task.WhenAll(PipeIo.WriteAsync(first.Output, one, Token), PipeIo.WriteAsync(second.Output, two, Token));

        Assert.Equal(one, await readOne);
        Assert.Equal(two, await readTwo);
        Assert.Equal(2, target.Accepted);
    }

    [Fact]
    public async Task ConnectAsync_InlinePrivateKeyAndUnpinnedHostKey_Connects()
    {
        await using var target = LoopbackTcpServer.Echo();
        var options = _sshd.Options(target.Port) with
        {
            PrivateKeyPath = null,
            PrivateKey = await File.ReadAllTextAsync(_sshd.ClientKeyPath, Token),
            ExpectedHostKeySha256 = null,
        };
        await using var channel = await new SshTl1Transport(options).ConnectAsync(Token);

        await PipeIo.WriteAsync(channel.Output, PipeIo.Ascii("RTRV-HDR:::1;"), Token);
        Assert.Equal(PipeIo.Ascii("RTRV-HDR:::1;"), await PipeIo.ReadExactlyAsync(channel.Input, 13, Token));
    }

    [Fact]
    public async Task ConnectAsync_HostKeyFingerprintWithoutPrefix_IsAccepted()
    {
        await using var target = LoopbackTcpServer.Echo();
        var options = _sshd.Options(target.Port) with { ExpectedHostKeySha256 = _sshd.HostKeySha256["SHA256:".Length..] };

        await using var channel = await new SshTl1Transport(options).ConnectAsync(Token);
    }

    [Fact]
    public async Task ConnectAsync_KeyNotAuthorized_FailsPermanentlySayingAuthenticationFailed()
    {
        await using var target = LoopbackTcpServer.Echo();
        var options = _sshd.Options(target.Port) with { PrivateKeyPath = _sshd.StrangerKeyPath };

        var error = await Assert.ThrowsAsync<Tl1TransportException>(() => new SshTl1Transport(options).ConnectAsync(Token).AsTask());

        Assert.False(error.IsTransient);
        Assert.StartsWith($"ssh {_sshd.UserName}@127.0.0.1:{_sshd.Port} -> 127.0.0.1:{target.Port}: authentication failed for user '{_sshd.UserName}'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0, target.Accepted);
    }

    [Fact]
    public async Task ConnectAsync_WrongHostKeyFingerprint_IsRejectedBeforeAuthentication()
    {
        await using var target = LoopbackTcpServer.Echo();
        const string other = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";
        var options = _sshd.Options(target.Port) with { ExpectedHostKeySha256 = other };

        var error = await Assert.ThrowsAsync<Tl1TransportException>(() => new SshTl1Transport(options).ConnectAsync(Token).AsTask());

        Assert.False(error.IsTransient);
        Assert.EndsWith($": host key mismatch: expected {other}, server presented {_sshd.HostKeySha256}", error.Message);
        Assert.Equal(0, target.Accepted);
    }

    [Fact]
    public async Task ConnectAsync_NoSshServer_ThrowsTransientRefused()
    {
        var options = _sshd.Options(10033) with { Port = ClosedPort() };

        var error = await Assert.ThrowsAsync<Tl1TransportException>(() => new SshTl1Transport(options).ConnectAsync(Token).AsTask());

        Assert.True(error.IsTransient);
        Assert.Equal($"ssh {_sshd.UserName}@127.0.0.1:{options.Port} -> 127.0.0.1:10033: connection refused", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new SshTl1Transport(_sshd.Options(10033)).ConnectAsync(cancelled.Token).AsTask());
    }

    /// <summary>
    /// The SSH server reports the refused target only as a failed channel open, after the local connection
    /// exists, and SSH.NET does not pass the failure on: ConnectAsync succeeds and the input ends at once
    /// without data, as if the agent had hung up (documented on SshTl1Transport).
    /// </summary>
    [Fact]
    public async Task ConnectAsync_TargetPortClosed_InputEndsWithoutData()
    {
        await using var channel = await new SshTl1Transport(_sshd.Options(ClosedPort())).ConnectAsync(Token);

        Assert.Empty(await PipeIo.ReadToEndAsync(channel.Input, Token));
    }

    [Fact]
    public async Task Input_TargetClosesAfterSending_CompletesAfterTheData()
    {
        await using var target = new LoopbackTcpServer((socket, ct) => LoopbackTcpServer.SendAllAsync(socket, PipeIo.Ascii("\r\n\n;bye<"), ct));
        await using var channel = await new SshTl1Transport(_sshd.Options(target.Port)).ConnectAsync(Token);

        Assert.Equal(PipeIo.Ascii("\r\n\n;bye<"), await PipeIo.ReadToEndAsync(channel.Input, Token));
    }

    [Fact]
    public async Task ForwardingPort_AnotherLocalClient_IsTurnedAwayAndReachesNothing()
    {
        await using var target = LoopbackTcpServer.Echo();
        await using var channel = await new SshTl1Transport(_sshd.Options(target.Port)).ConnectAsync(Token);
        using var intruder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        await intruder.ConnectAsync(new IPEndPoint(IPAddress.Loopback, ((SshTl1Channel)channel).ForwardingPort), Token);

        Assert.Empty(await LoopbackTcpServer.ReceiveToEndAsync(intruder, Token));
        await PipeIo.WriteAsync(channel.Output, PipeIo.Ascii("RTRV-HDR:::3;"), Token);
        Assert.Equal(PipeIo.Ascii("RTRV-HDR:::3;"), await PipeIo.ReadExactlyAsync(channel.Input, 13, Token));
        Assert.Equal(1, target.Accepted);
    }

    [Fact]
    public async Task Input_SshConnectionDrops_FaultsWithTransientTransportError()
    {
        await using var target = LoopbackTcpServer.Echo();
        await using var channel = await new SshTl1Transport(_sshd.Options(target.Port)).ConnectAsync(Token);
        await PipeIo.WriteAsync(channel.Output, PipeIo.Ascii("RTRV-HDR:::2;"), Token);
        await PipeIo.ReadExactlyAsync(channel.Input, 13, Token);

        Assert.True(_sshd.KillConnections() > 0);

        var error = await Assert.ThrowsAsync<Tl1TransportException>(() => PipeIo.ReadToEndAsync(channel.Input, Token));
        _output.WriteLine(error.Message);
        Assert.True(error.IsTransient);
        Assert.StartsWith($"ssh {_sshd.UserName}@127.0.0.1:{_sshd.Port} -> 127.0.0.1:{target.Port}: ssh: ", error.Message);
    }

    [Fact]
    public async Task DisposeAsync_ClosesTheForwardedConnectionAndCompletesReads()
    {
        var targetSawEnd = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var target = new LoopbackTcpServer(async (socket, ct) => targetSawEnd.TrySetResult(await LoopbackTcpServer.ReceiveToEndAsync(socket, ct)));
        var channel = await new SshTl1Transport(_sshd.Options(target.Port)).ConnectAsync(Token);
        await PipeIo.WriteAsync(channel.Output, PipeIo.Ascii("CANC-USER:::9;"), Token);
        var reading = channel.Input.ReadAsync(Token).AsTask();

        await channel.DisposeAsync();

        Assert.True((await reading).IsCompleted);
        Assert.Equal(PipeIo.Ascii("CANC-USER:::9;"), await targetSawEnd.Task.WaitAsync(Token));
        await channel.DisposeAsync();
    }

    private static int ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
