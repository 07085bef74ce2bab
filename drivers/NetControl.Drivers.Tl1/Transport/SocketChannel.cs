using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// A connected stream socket exposed as two pipes, pumped by one receive and one send loop (the Kestrel socket
/// transport pattern): the pipes decouple the reader's pace from the socket and make disposal while someone
/// reads well defined (the pending read completes).
/// </summary>
internal sealed class SocketChannel : ITl1Channel
{
    private const int ReceiveBufferSize = 8192;

    /// <summary>How long disposal waits for output that was already flushed to leave.</summary>
    internal static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private readonly string _where;
    private readonly ILogger _logger;
    private readonly Func<Exception?>? _breakReason;
    private readonly Pipe _input = new(new PipeOptions(useSynchronizationContext: false));
    private readonly Pipe _output = new(new PipeOptions(useSynchronizationContext: false));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private readonly Task _sending;
    private int _disposed;

    /// <param name="socket">A connected socket; the channel owns it.</param>
    /// <param name="where">The transport description used in errors.</param>
    /// <param name="logger">Logs the close.</param>
    /// <param name="breakReason">
    /// Asked when the socket ends on its own: a non-null answer (e.g. the SSH connection's failure) faults
    /// <see cref="Input"/> with it instead of completing it.
    /// </param>
    public SocketChannel(Socket socket, string where, ILogger logger, Func<Exception?>? breakReason = null)
    {
        _socket = socket;
        _where = where;
        _logger = logger;
        _breakReason = breakReason;
        _receiving = Task.Run(ReceiveAsync);
        _sending = Task.Run(SendAsync);
    }

    public PipeReader Input => _input.Reader;

    public PipeWriter Output => _output.Writer;

    /// <summary>
    /// Sends what was already flushed to <see cref="Output"/>, then half-closes (FIN) and, when
    /// <paramref name="awaitPeerClose"/>, waits for the peer to close its side too; all within
    /// <paramref name="timeout"/>. Does not release the socket: <see cref="DisposeAsync"/> does.
    /// </summary>
    public async ValueTask CloseOutputAsync(bool awaitPeerClose, TimeSpan timeout)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        // The send loop sends the buffer it gets with the cancelled read, then shuts the sending side down.
        _output.Reader.CancelPendingRead();
        try
        {
            var pumps = awaitPeerClose ? Task.WhenAll(_sending, _receiving) : _sending;
            await pumps.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The peer does not take the data or does not close: DisposeAsync cuts the connection.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseOutputAsync(awaitPeerClose: false, DrainTimeout).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset or closed by the peer.
        }

        _socket.Dispose();
        await Task.WhenAll(_receiving, _sending).ConfigureAwait(false);
        _stop.Dispose();
        TransportLog.Closed(_logger, _where);
    }

    private async Task ReceiveAsync()
    {
        var writer = _input.Writer;
        Exception? error = null;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(ReceiveBufferSize);
                var received = await _socket.ReceiveAsync(memory, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                writer.Advance(received);
                var flush = await writer.FlushAsync(_stop.Token).ConfigureAwait(false);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Disposed: the reader sees a normal end.
        }
        catch (SocketException ex)
        {
            error = Tl1TransportException.FromSocket(_where, ex);
        }
        catch (ObjectDisposedException ex)
        {
            error = new Tl1TransportException(_where, "connection closed", isTransient: true, ex);
        }
        catch (Exception ex)
        {
            // Whatever happens, the reader must learn that the input ended.
            error = new Tl1TransportException(_where, $"receive failed: {ex.Message}", isTransient: true, ex);
        }

        if (!_stop.IsCancellationRequested && _breakReason?.Invoke() is { } reason)
        {
            error = reason;
        }

        await writer.CompleteAsync(error).ConfigureAwait(false);
    }

    private async Task SendAsync()
    {
        var reader = _output.Reader;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await SendAllAsync(segment).ConfigureAwait(false);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            // The writer completed: tell the peer we are done sending, but keep receiving.
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (SocketException ex)
        {
            error = Tl1TransportException.FromSocket(_where, ex);
        }
        catch (ObjectDisposedException ex)
        {
            error = new Tl1TransportException(_where, "connection closed", isTransient: true, ex);
        }
        catch (Exception ex)
        {
            // Whatever happens, the writer must learn that the output is gone.
            error = new Tl1TransportException(_where, $"send failed: {ex.Message}", isTransient: true, ex);
        }

        await reader.CompleteAsync(error).ConfigureAwait(false);
    }

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, _stop.Token).ConfigureAwait(false);
            data = data[sent..];
        }
    }
}
