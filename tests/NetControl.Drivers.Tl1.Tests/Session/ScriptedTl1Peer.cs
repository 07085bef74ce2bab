using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Session;

/// <summary>
/// A TL1 network element for session tests, on a loopback TCP port: it parses real command bytes with the codec and
/// lets each test decide what to answer (responses, acknowledgments, autonomous messages, silence, a dropped
/// connection). Every command received is recorded in order.
/// </summary>
internal sealed class ScriptedTl1Peer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Tl1Command, PeerConnection, Task> _handler;
    private readonly Task _accept;

    public ScriptedTl1Peer(Func<Tl1Command, PeerConnection, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        _accept = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<Tl1Command> Received { get; } = new();

    public int Connections => _connections;

    public PeerConnection? Current { get; private set; }

    private int _connections;

    /// <summary>A COMPLD response to <paramref name="command"/> with these quoted lines.</summary>
    public static Tl1Response Completed(Tl1Command command, params string[] lines) =>
        new(new Tl1Header("SIM", new DateTime(2026, 11, 23, 12, 0, 0)), command.Ctag, Tl1CompletionCode.Completed, null, [], [.. lines], false);

    public static Tl1Response Denied(Tl1Command command, string code) =>
        new(new Tl1Header("SIM", new DateTime(2026, 11, 23, 12, 0, 0)), command.Ctag, Tl1CompletionCode.Denied, code, ["denied by the test"], [], false);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Current?.Drop();
        await _accept.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            var connection = new PeerConnection(client);
            Current = connection;
            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(PeerConnection connection)
    {
        var parser = new Tl1CommandParser();
        var input = PipeReader.Create(connection.Stream);
        try
        {
            await Tl1PipeReader.ReadAllAsync<Tl1Command>(
                input,
                parser.TryParse,
                async (command, _) =>
                {
                    if (command is not null)
                    {
                        Received.Enqueue(command);
                        await _handler(command, connection);
                    }
                },
                _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The test dropped the connection or the peer is stopping.
        }
    }

    /// <summary>One accepted connection; writes are serialised.</summary>
    internal sealed class PeerConnection(TcpClient client)
    {
        private readonly SemaphoreSlim _write = new(1, 1);

        public Stream Stream { get; } = client.GetStream();

        public Task SendAsync(Tl1Response response) => WriteAsync(b => Tl1Writer.Write(b, response));

        /// <summary>Sends <paramref name="responses"/> in one write, so that the client reads them together.</summary>
        public Task SendAsync(IReadOnlyList<Tl1Response> responses) => WriteAsync(b =>
        {
            foreach (var response in responses)
            {
                Tl1Writer.Write(b, response);
            }
        });

        public Task SendAsync(Tl1Acknowledgment ack) => WriteAsync(b => Tl1Writer.Write(b, ack));

        public Task SendAsync(Tl1AutonomousMessage message) => WriteAsync(b => Tl1Writer.Write(b, message));

        public void Drop() => client.Dispose();

        private async Task WriteAsync(Action<IBufferWriter<byte>> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            write(buffer);
            await _write.WaitAsync();
            try
            {
                await Stream.WriteAsync(buffer.WrittenMemory);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // Dropped by the test.
            }
            finally
            {
                _write.Release();
            }
        }
    }
}
