using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Server;

/// <summary>The simulated switches over loopback TCP, driven by a plain socket (no NetControl client code).</summary>
public sealed class SwitchServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private OpticalSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await OpticalSimulator.StartAsync(Networks.Uslhcnet);

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    /// <summary>Regression (audit, TL1 issue): input the parser rejected got no answer, so a client waited out its timeout.</summary>
    [Theory]
    [InlineData("RTRV-HDR:::a-b;", "M  0 DENY\r\n   IICT\r\n")]
    [InlineData("RTRV HDR:::8;", "M  8 DENY\r\n   IISP\r\n")]
    [InlineData("RTRV-HDR:BAD_TID::9;", "M  9 DENY\r\n   IITA\r\n")]
    [InlineData("RTRV-HDR;", "M  0 DENY\r\n   IBMS\r\n")]
    public async Task Unreadable_Glimmerglass_EchoedDeniedAndPromptedThenNextCommandServed(string input, string deny)
    {
        string reply = await ExchangeAsync("GVA-GG", input + "\r\nACT-USER::admin:2::pw;\r\n", "M  2 COMPLD");

        int echo = reply.IndexOf(input + "\r\n", StringComparison.Ordinal);
        int denied = reply.IndexOf(deny, StringComparison.Ordinal);
        Assert.True(echo >= 0, $"no echo of '{input}' in: {reply}");
        Assert.True(denied > echo, $"no '{deny.TrimEnd()}' after the echo in: {reply}");
        Assert.Equal('<', reply[reply.IndexOf("\r\n;", denied, StringComparison.Ordinal) + 3]);
    }

    [Fact]
    public async Task Unreadable_Calient_DeniedWithoutEcho()
    {
        string reply = await ExchangeAsync("CIT-PXC", "RTRV-HDR:::a-b;\r\nACT-USER::admin:2::pw;\r\n", "M  2 COMPLD");

        Assert.Contains("M  0 DENY\r\n   IICT\r\n   /* invalid CTAG 'a-b'", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("RTRV-HDR:::a-b;", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_GlimmerglassLongInput_EchoesOnlyItsStart()
    {
        string input = "RTRV HDR:::8:" + new string('X', 5000) + ";";

        string reply = await ExchangeAsync("GVA-GG", input + "\r\nACT-USER::admin:2::pw;\r\n", "M  2 COMPLD");

        Assert.Contains(input[..SwitchServer.MaxEchoChars] + "\r\n", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(input[..(SwitchServer.MaxEchoChars + 1)], reply, StringComparison.Ordinal);
        Assert.Contains("M  8 DENY\r\n   IISP\r\n", reply, StringComparison.Ordinal);
    }

    /// <summary>Regression (review, TL1 issue): a deny comment echoing client input with <c>*/</c> in it ended the comment early.</summary>
    [Theory]
    [InlineData("RTRV-CRS-FIBER::all:3::x*/y;", "IPNV", "RTRV-CRS-FIBER takes no payload parameters, got 'x* /y'")]
    [InlineData("ENT-CRS-FIBER::a*/b:3;", "IIAC", "expected <inputs>,<outputs>, got 'a* /b'")]
    public async Task Denied_InputWithCommentCloser_ReadBackAsOneDenyWithTheWholeComment(string command, string code, string comment)
    {
        var (messages, errors) = await ExchangeMessagesAsync("GVA-GG", $"ACT-USER::admin:2::pw;\r\n{command}\r\n", "3");

        Assert.Empty(errors);
        var deny = Assert.Single(messages.OfType<Tl1Response>(), r => r.Ctag == "3");
        Assert.Equal((Tl1CompletionCode.Denied, code), (deny.Code, deny.ErrorCode));
        Assert.Equal(comment, Assert.Single(deny.Comments));
        Assert.Empty(deny.Lines);
    }

    /// <summary>Sends <paramref name="input"/> and reads the replies with the production codec until the response with <paramref name="ctag"/>.</summary>
    private async Task<(List<Tl1Message> Messages, List<Tl1ParseError> Errors)> ExchangeMessagesAsync(string name, string input, string ctag)
    {
        int port = _simulator.Endpoints.Single(e => e.Name == name).Tl1Port;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Wait);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(input));
        var received = new List<byte>();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            int n = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(n > 0, $"the switch closed the connection; so far: {Encoding.ASCII.GetString([.. received])}");
            received.AddRange(buffer.AsSpan(0, n));
            var (messages, errors) = ParseAll([.. received]);
            if (messages.Any(m => m is Tl1Response r && r.Ctag == ctag))
            {
                return (messages, errors);
            }
        }
    }

    private static (List<Tl1Message> Messages, List<Tl1ParseError> Errors) ParseAll(byte[] bytes)
    {
        var parser = new Tl1MessageParser();
        var rest = new ReadOnlySequence<byte>(bytes);
        var (messages, errors) = (new List<Tl1Message>(), new List<Tl1ParseError>());
        while (parser.TryParse(rest, out var consumed, out _, out var message, out var error))
        {
            if (message is not null)
            {
                messages.Add(message);
            }

            if (error is not null)
            {
                errors.Add(error);
            }

            rest = rest.Slice(consumed);
        }

        return (messages, errors);
    }

    private async Task<string> ExchangeAsync(string name, string input, string until)
    {
        int port = _simulator.Endpoints.Single(e => e.Name == name).Tl1Port;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Wait);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(input));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Wait);
        while (!text.ToString().Contains(until, StringComparison.Ordinal))
        {
            int n = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(n > 0, $"the switch closed the connection; so far: {text}");
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return text.ToString();
    }
}
