using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// The far end of <see cref="UdpStreamProber"/>: a UDP service that stamps every probe packet on arrival
/// (through an <see cref="IReceiveTimestampSource"/>) and answers report requests with those receive times.
/// It does not echo probes: one-way delays then need only the forward path, and the reverse path's queueing
/// cannot pollute the trend. It runs one dedicated thread doing blocking receives (the lowest user-space
/// timestamp noise); it keeps the last <see cref="MaxStreams"/> streams per receiver.
/// </summary>
public sealed class UdpStreamReceiver : IAsyncDisposable
{
    /// <summary>Streams whose receive times are kept; older ones are forgotten.</summary>
    public const int MaxStreams = 64;

    /// <summary>Largest stream (packets) the receiver records.</summary>
    public const int MaxPacketsPerStream = 100_000;

    private readonly Socket _socket;
    private readonly IReceiveTimestampSource _timestamps;
    private readonly ILogger _logger;
    private readonly Dictionary<(IPEndPoint Sender, uint Stream), long[]> _streams = [];
    private readonly Queue<(IPEndPoint Sender, uint Stream)> _order = new();
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _disposing;

    private UdpStreamReceiver(Socket socket, IReceiveTimestampSource timestamps, ILogger logger)
    {
        _socket = socket;
        _timestamps = timestamps;
        _logger = logger;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _thread = new Thread(Run) { IsBackground = true, Name = $"bw-receiver {LocalEndPoint}" };
    }

    /// <summary>Where the receiver listens (the bound port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Clock that stamps arrivals.</summary>
    public ReceiveTimestampClock Clock => _timestamps.Clock;

    /// <summary>Completes when the receive thread ends (after <see cref="DisposeAsync"/>, or faulted on a socket error).</summary>
    public Task Completion => _stopped.Task;

    /// <summary>Binds <paramref name="endpoint"/> and starts receiving.</summary>
    /// <param name="endpoint">Address and port to bind (port 0 for any).</param>
    /// <param name="timestamps">Arrival timestamp source; null for <see cref="StopwatchReceiveTimestampSource"/>.</param>
    /// <param name="logger">Logger; null for none.</param>
    public static UdpStreamReceiver Start(IPEndPoint endpoint, IReceiveTimestampSource? timestamps = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        timestamps ??= StopwatchReceiveTimestampSource.Instance;
        var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = 4 << 20;
            socket.Bind(endpoint);
            timestamps.Configure(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var receiver = new UdpStreamReceiver(socket, timestamps, logger ?? NullLogger.Instance);
        receiver._thread.Start();
        BandwidthLog.ReceiverStarted(receiver._logger, receiver.LocalEndPoint.ToString(), timestamps.Clock);
        return receiver;
    }

    /// <summary>Closes the socket and waits for the receive thread.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        _socket.Dispose();
        try
        {
            await _stopped.Task.ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // Already logged by the receive thread.
        }
    }

    private void Run()
    {
        byte[] buffer = new byte[65536];
        byte[] reply = new byte[BandwidthWire.ReportHeaderSize + (8 * BandwidthWire.MaxReportEntries)];
        try
        {
            while (!_disposing)
            {
                var datagram = _timestamps.Receive(_socket, buffer);
                Handle(buffer.AsSpan(0, datagram.Length), datagram, reply);
            }

            _stopped.TrySetResult();
        }
        catch (Exception e) when (_disposing && e is SocketException or ObjectDisposedException)
        {
            _stopped.TrySetResult();
        }
        catch (SocketException e)
        {
            BandwidthLog.ReceiverFailed(_logger, LocalEndPoint.ToString(), e.Message);
            _stopped.TrySetException(e);
        }
    }

    private void Handle(ReadOnlySpan<byte> data, TimestampedReceive datagram, byte[] reply)
    {
        if (BandwidthWire.TryReadProbe(data, out uint stream, out int seq, out int count, out _) && count <= MaxPacketsPerStream)
        {
            Record(datagram.Remote, stream, seq, count, datagram.TimestampNanoseconds);
        }
        else if (BandwidthWire.TryReadReportRequest(data, out stream, out int firstSeq))
        {
            int length = BuildReport(reply, datagram.Remote, stream, firstSeq);
            _socket.SendTo(reply.AsSpan(0, length), SocketFlags.None, datagram.Remote);
        }
        else
        {
            BandwidthLog.Ignored(_logger, data.Length, datagram.Remote.ToString());
        }
    }

    private void Record(IPEndPoint sender, uint stream, int seq, int count, long timestamp)
    {
        var key = (sender, stream);
        if (!_streams.TryGetValue(key, out long[]? times) || times.Length != count)
        {
            times = new long[count];
            Array.Fill(times, BandwidthWire.NotReceived);
            if (_streams.TryAdd(key, times))
            {
                _order.Enqueue(key);
            }
            else
            {
                _streams[key] = times;
            }

            while (_order.Count > MaxStreams)
            {
                _streams.Remove(_order.Dequeue());
            }
        }

        // Duplicates keep the first arrival.
        if (times[seq] == BandwidthWire.NotReceived)
        {
            times[seq] = timestamp;
        }
    }

    private int BuildReport(Span<byte> reply, IPEndPoint sender, uint stream, int firstSeq)
    {
        if (!_streams.TryGetValue((sender, stream), out long[]? times) || firstSeq >= times.Length)
        {
            return BandwidthWire.WriteReport(reply, stream, _timestamps.Clock, times?.Length ?? 0, Math.Min(firstSeq, times?.Length ?? 0), []);
        }

        int entries = Math.Min(BandwidthWire.MaxReportEntries, times.Length - firstSeq);
        return BandwidthWire.WriteReport(reply, stream, _timestamps.Clock, times.Length, firstSeq, times.AsSpan(firstSeq, entries));
    }
}
