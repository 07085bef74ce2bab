using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Dialects;

namespace NetControl.Simulators.Optical.Server;

/// <summary>
/// One simulated switch on one loopback TCP port: parses commands with the production codec, executes each through
/// the switch's <see cref="Tl1Agent"/> at once (in arrival order), and answers after the switch's command latency,
/// so several commands can be outstanding on one connection. Sends <c>IP</c> first when the latency is over 2 s,
/// echoes and prompts when the dialect does (Glimmerglass), denies input that is no command at once (IISP, IBMS, IICT, IITA:
/// a client never waits out its timeout), forwards autonomous messages to logged-in clients, and obeys injected
/// faults (hangs, drops).
/// </summary>
internal sealed partial class SwitchServer : IAsyncDisposable
{
    /// <summary>
    /// The most characters of rejected input echoed back: enough to recognise the line, bounded so that a command
    /// too long to read (up to the codec's message limit) is not sent back whole.
    /// </summary>
    internal const int MaxEchoChars = 200;

    private static readonly TimeSpan AcknowledgeAfter = TimeSpan.FromSeconds(2);
    private readonly Tl1Agent _agent;
    private readonly TcpListener _listener;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<ClientConnection, byte> _clients = new();
    private int _disposed;
    private readonly CancellationTokenSource _stop = new();
    private Task? _accept;

    public SwitchServer(Tl1Agent agent, int port, TimeProvider time, ILogger logger)
    {
        _agent = agent;
        _time = time;
        _logger = logger;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _agent.AutonomousMessage += OnAutonomous;
        _agent.Switch.Faults.DropRequested += OnDropRequested;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Tl1Agent Agent => _agent;

    public void Start()
    {
        _listener.Start();
        _accept = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _agent.AutonomousMessage -= OnAutonomous;
        _agent.Switch.Faults.DropRequested -= OnDropRequested;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var client in _clients.Keys)
        {
            client.Close();
        }

        if (_accept is not null)
        {
            await _accept.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            tcp.NoDelay = true;
            var client = new ClientConnection(tcp, _agent.OpenSession());
            _clients[client] = 0;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(ClientConnection client)
    {
        var parser = new Tl1CommandParser();
        var input = PipeReader.Create(client.Stream);
        string rejected = string.Empty;

        // The parser's own reader, keeping the text of input that is no command: a terminal-style switch echoes it.
        bool Parse(in ReadOnlySequence<byte> buffer, out SequencePosition consumed, out SequencePosition examined, out Tl1Command? command, out Tl1ParseError? error)
        {
            bool done = parser.TryParse(buffer, out consumed, out examined, out command, out error);
            rejected = done && error is not null ? EchoExcerpt(buffer.Slice(buffer.Start, consumed)) : string.Empty;
            return done;
        }

        try
        {
            await Tl1PipeReader.ReadAllAsync<Tl1Command>(
                input,
                Parse,
                async (command, error) =>
                {
                    if (command is not null)
                    {
                        await HandleAsync(client, command).ConfigureAwait(false);
                    }
                    else if (error is not null)
                    {
                        await RejectAsync(client, rejected, error).ConfigureAwait(false);
                    }
                },
                client.Closed).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or the connection was dropped on purpose.
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
            _clients.TryRemove(client, out _);
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Input that is no command: echoed (its first <see cref="MaxEchoChars"/> characters) when the dialect echoes, then denied at once (IISP, IBMS, IICT, IITA).</summary>
    private async Task RejectAsync(ClientConnection client, string text, Tl1ParseError error)
    {
        var response = _agent.Reject(error);
        LogUnreadable(_agent.Sid, error.Message, response.ErrorCode!, response.Ctag);
        if (_agent.Dialect.EchoesInput && text.Length > 0)
        {
            await client.EchoAsync(text).ConfigureAwait(false);
        }

        await client.SendAsync(response, _agent.Dialect.Prompt).ConfigureAwait(false);
    }

    /// <summary>The start of rejected input as a terminal shows it: at most <see cref="MaxEchoChars"/> characters, trimmed.</summary>
    private static string EchoExcerpt(ReadOnlySequence<byte> input)
    {
        var text = Encoding.Latin1.GetString(input.Slice(0, Math.Min(input.Length, MaxEchoChars + 64))).Trim();
        return text.Length <= MaxEchoChars ? text : text[..MaxEchoChars];
    }

    private async Task HandleAsync(ClientConnection client, Tl1Command command)
    {
        if (_agent.Dialect.EchoesInput)
        {
            await client.EchoAsync(command).ConfigureAwait(false);
        }

        var outcome = _agent.Execute(client.Session, command);
        switch (outcome.Disposition)
        {
            case CommandDisposition.DropConnection:
                client.Close();
                return;
            case CommandDisposition.NoResponse:
                return;
        }

        if (outcome.Latency <= TimeSpan.Zero)
        {
            await RespondAsync(client, outcome).ConfigureAwait(false);
            return;
        }

        // Answer later without holding up the next command on this connection.
        _ = Task.Run(async () =>
        {
            if (outcome.Latency > AcknowledgeAfter && outcome.Responses.Length > 0)
            {
                await client.SendAsync(new Tl1Acknowledgment(Tl1AckCode.InProgress, outcome.Responses[0].Ctag)).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(outcome.Latency, _time, client.Closed).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RespondAsync(client, outcome).ConfigureAwait(false);
        });
    }

    private async Task RespondAsync(ClientConnection client, CommandOutcome outcome)
    {
        for (int i = 0; i < outcome.Responses.Length; i++)
        {
            bool last = i == outcome.Responses.Length - 1;
            await client.SendAsync(outcome.Responses[i], last ? _agent.Dialect.Prompt : null).ConfigureAwait(false);
        }
    }

    private void OnAutonomous(object? sender, AutonomousMessageEventArgs e)
    {
        foreach (var client in _clients.Keys)
        {
            if (client.Session.ReceivesAutonomousMessages)
            {
                _ = client.SendAsync(e.Message);
            }
        }
    }

    private void OnDropRequested(object? sender, EventArgs e)
    {
        foreach (var client in _clients.Keys)
        {
            client.Close();
        }
    }

    [LoggerMessage(3300, LogLevel.Warning, "{Switch}: unreadable command: {Error}; denied {Code} with ctag {Ctag}")]
    private partial void LogUnreadable(string @switch, string error, string code, string ctag);
}
