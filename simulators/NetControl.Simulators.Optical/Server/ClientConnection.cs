using System.Buffers;
using System.Net.Sockets;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Dialects;

namespace NetControl.Simulators.Optical.Server;

/// <summary>One TCP client of a simulated switch: its agent session and serialised writes of whole messages.</summary>
internal sealed class ClientConnection(TcpClient client, Tl1AgentSession session) : IAsyncDisposable
{
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly CancellationTokenSource _closed = new();

    public Tl1AgentSession Session { get; } = session;

    public NetworkStream Stream { get; } = client.GetStream();

    /// <summary>Cancelled when the connection closes.</summary>
    public CancellationToken Closed => _closed.Token;

    public Task SendAsync(Tl1Response response, string? prompt) => WriteAsync(b => { Tl1Writer.Write(b, response); Prompt(b, prompt); });

    public Task SendAsync(Tl1Acknowledgment ack) => WriteAsync(b => Tl1Writer.Write(b, ack));

    public Task SendAsync(Tl1AutonomousMessage message) => WriteAsync(b => Tl1Writer.Write(b, message));

    /// <summary>Echoes a command line the way a terminal-style element does.</summary>
    public Task EchoAsync(Tl1Command command) => EchoAsync(Tl1Writer.ToText(command));

    /// <summary>Echoes input as received (text that is no command).</summary>
    public Task EchoAsync(string text) => WriteAsync(b => Ascii(b, text + "\r\n"));

    public void Close()
    {
        if (!_closed.IsCancellationRequested)
        {
            _closed.Cancel();
            Session.Close();
            client.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _closed.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Prompt(IBufferWriter<byte> buffer, string? prompt)
    {
        if (prompt is not null)
        {
            Ascii(buffer, prompt);
        }
    }

    private static void Ascii(IBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(System.Text.Encoding.ASCII.GetByteCount(text));
        int n = System.Text.Encoding.ASCII.GetBytes(text, span);
        buffer.Advance(n);
    }

    private async Task WriteAsync(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        write(buffer);
        try
        {
            await _write.WaitAsync(Closed).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await Stream.WriteAsync(buffer.WrittenMemory, Closed).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            Close();
        }
        finally
        {
            _write.Release();
        }
    }
}
