using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Sends periodic UDP probe streams to a <see cref="UdpStreamReceiver"/> and fetches their receive times.
/// Pacing runs on a dedicated thread that spin-waits on the Stopwatch until each packet's scheduled time
/// (<c>start + i x period</c>, so a preempted sender catches up rather than drifting) and records the
/// actual send time, which the packet also carries. One-way delay = receiver's arrival time minus the
/// recorded send time; the two clocks need not agree, only not jump during a stream. One stream at a time.
/// </summary>
public sealed class UdpStreamProber : IProbeStreamTransport, IDisposable
{
    private readonly Socket _socket;
    private readonly IPEndPoint _receiver;
    private readonly UdpStreamProberOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private uint _nextStream = (uint)Random.Shared.Next();

    /// <summary>Creates a prober that sends to <paramref name="receiver"/>.</summary>
    public UdpStreamProber(IPEndPoint receiver, UdpStreamProberOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        _receiver = receiver;
        _options = options ?? new UdpStreamProberOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _socket = new Socket(receiver.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { SendBufferSize = 4 << 20 };
        _socket.Connect(receiver);
    }

    /// <summary>The clock of the receiver's last report (user-space Stopwatch until a report says otherwise).</summary>
    public ReceiveTimestampClock Clock { get; private set; } = ReceiveTimestampClock.UserSpaceStopwatch;

    /// <inheritdoc />
    public async Task<ProbeStreamResult> SendStreamAsync(ProbeStreamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PacketSize < BandwidthWire.ProbeHeaderSize || request.PacketSize > 65507 || request.PacketCount < 2
            || request.PacketCount > UdpStreamReceiver.MaxPacketsPerStream || !(request.RateBitsPerSecond > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request, $"need {BandwidthWire.ProbeHeaderSize}-65507 byte packets, 2-{UdpStreamReceiver.MaxPacketsPerStream} packets, a positive rate");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            uint stream = unchecked(++_nextStream);
            long[] sent = new long[request.PacketCount];
            await Task.Factory.StartNew(() => Pace(request, stream, sent, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);
            await Task.Delay(_options.DrainWait, _time, cancellationToken).ConfigureAwait(false);
            long[] received = await CollectAsync(stream, request.PacketCount, cancellationToken).ConfigureAwait(false);

            var delays = new List<double>(request.PacketCount);
            for (int i = 0; i < sent.Length; i++)
            {
                if (received[i] != BandwidthWire.NotReceived)
                {
                    delays.Add((received[i] - sent[i]) / 1e9);
                }
            }

            double span = (sent[^1] - sent[0]) / 1e9;
            double achieved = span > 0 ? (sent.Length - 1) * request.PacketSize * 8.0 / span : double.PositiveInfinity;
            return new ProbeStreamResult(request, delays.ToArray(), achieved, request.Bytes, TimeSpan.FromSeconds(span), Clock);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _gate.Dispose();
    }

    private void Pace(ProbeStreamRequest request, uint stream, long[] sent, CancellationToken cancellationToken)
    {
        byte[] packet = new byte[request.PacketSize];
        BandwidthWire.WriteProbe(packet, stream, request.PacketCount);
        double period = request.PacketSize * 8.0 / request.RateBitsPerSecond * Stopwatch.Frequency;
        long margin = (long)(_options.SpinMargin.TotalSeconds * Stopwatch.Frequency);
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < sent.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long due = start + (long)(i * period);
            while (due - Stopwatch.GetTimestamp() > margin)
            {
                Thread.Sleep(1);
            }

            long now;
            while ((now = Stopwatch.GetTimestamp()) < due)
            {
                Thread.SpinWait(8);
            }

            long ns = MonotonicClock.ToNanoseconds(now);
            BandwidthWire.StampProbe(packet, i, ns);
            sent[i] = ns;
            try
            {
                _socket.Send(packet);
            }
            catch (SocketException e)
            {
                throw new BandwidthProbeException($"sending stream {stream} to {_receiver} failed at packet {i}: {e.SocketErrorCode}", isTransient: true, e);
            }
        }
    }

    private async Task<long[]> CollectAsync(uint stream, int count, CancellationToken cancellationToken)
    {
        long[] received = new long[count];
        Array.Fill(received, BandwidthWire.NotReceived);
        byte[] request = new byte[BandwidthWire.ReportRequestSize];
        byte[] reply = new byte[65536];
        int next = 0;
        while (next < count)
        {
            int entries = await FetchAsync(stream, next, request, reply, received, cancellationToken).ConfigureAwait(false);
            if (entries <= 0)
            {
                break; // the receiver saw nothing of the stream (or nothing from here on): the rest is lost
            }

            next += entries;
        }

        return received;
    }

    private async Task<int> FetchAsync(uint stream, int firstSeq, byte[] request, byte[] reply, long[] received, CancellationToken cancellationToken)
    {
        int length = BandwidthWire.WriteReportRequest(request, stream, firstSeq);
        for (int attempt = 1; attempt <= _options.ReportAttempts; attempt++)
        {
            using var timeout = new CancellationTokenSource(_options.ReportTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await _socket.SendAsync(request.AsMemory(0, length), SocketFlags.None, linked.Token).ConfigureAwait(false);
                while (true)
                {
                    int n = await _socket.ReceiveAsync(reply, SocketFlags.None, linked.Token).ConfigureAwait(false);
                    var datagram = reply.AsSpan(0, n);
                    if (!BandwidthWire.TryReadReport(datagram, out uint s, out var clock, out int total, out int first, out int entries)
                        || s != stream || first != firstSeq)
                    {
                        continue; // a late answer to an earlier request
                    }

                    if (total != 0 && total != received.Length)
                    {
                        throw new BandwidthProbeException($"receiver {_receiver} reports {total} packets for stream {stream} of {received.Length}", isTransient: false);
                    }

                    Clock = clock;
                    for (int i = 0; i < entries; i++)
                    {
                        received[firstSeq + i] = BandwidthWire.ReadReportEntry(datagram, i);
                    }

                    return total == 0 ? 0 : entries;
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                BandwidthLog.ReportRetry(_logger, stream, _receiver.ToString(), attempt);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                BandwidthLog.ReportRetry(_logger, stream, _receiver.ToString(), attempt);
                await Task.Delay(_options.ReportTimeout, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new BandwidthProbeException($"no report from {_receiver} for stream {stream} after {_options.ReportAttempts} attempts", isTransient: true);
    }
}
