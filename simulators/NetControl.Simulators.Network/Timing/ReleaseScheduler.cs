using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;

namespace NetControl.Simulators.Network.Timing;

/// <summary>
/// A dedicated thread releasing datagrams at their due <see cref="Stopwatch"/> tick. Waits on an event while the
/// head is more than 2 ms away (an earlier arrival wakes it), nanosleeps in 100 us steps until the spin window,
/// then spin-waits. Each send records its release error (actual - due) in the datagram's direction.
/// </summary>
internal sealed class ReleaseScheduler : IDisposable
{
    private static readonly long CoarseThreshold = Stopwatch.Frequency * 2 / 1000;
    private static readonly long NapTicks = Stopwatch.Frequency / 10_000;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<PendingDatagram, ReleaseKey> _queue = new(256);
    private readonly AutoResetEvent _wake = new(false);
    private readonly long _spinTicks;
    private readonly Func<bool> _isCut;
    private readonly Thread _thread;
    private long _sequence;
    private volatile bool _stopping;

    public ReleaseScheduler(string name, TimeSpan spinWindow, Func<bool> isCut)
    {
        _spinTicks = (long)(spinWindow.TotalSeconds * Stopwatch.Frequency);
        _isCut = isCut;
        _thread = new Thread(Run) { IsBackground = true, Name = name, Priority = ThreadPriority.Highest };
    }

    public void Start() => _thread.Start();

    public void Enqueue(in PendingDatagram datagram)
    {
        bool newHead;
        lock (_gate)
        {
            newHead = !_queue.TryPeek(out _, out var head) || datagram.DueTick < head.DueTick;
            _queue.Enqueue(datagram, new ReleaseKey(datagram.DueTick, _sequence++));
        }

        if (newHead)
        {
            _wake.Set();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        lock (_gate)
        {
            while (_queue.TryDequeue(out var pending, out _))
            {
                ArrayPool<byte>.Shared.Return(pending.Buffer);
            }
        }

        _wake.Dispose();
    }

    private void Run()
    {
        while (!_stopping)
        {
            PendingDatagram due = default;
            bool haveHead;
            bool isDue = false;
            long dueTick = 0;
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                haveHead = _queue.TryPeek(out _, out var key);
                if (haveHead)
                {
                    dueTick = key.DueTick;
                    if (dueTick <= now)
                    {
                        due = _queue.Dequeue();
                        isDue = true;
                    }
                }
            }

            if (isDue)
            {
                Send(due);
                continue;
            }

            if (!haveHead)
            {
                _wake.WaitOne();
                continue;
            }

            var remaining = dueTick - now;
            if (remaining > CoarseThreshold)
            {
                var waitMs = (int)((remaining - CoarseThreshold) * 1000 / Stopwatch.Frequency) + 1;
                _wake.WaitOne(waitMs);
            }
            else if (remaining > _spinTicks)
            {
                PreciseSleep.Sleep(Math.Min(NapTicks, remaining - _spinTicks));
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }

    private void Send(in PendingDatagram datagram)
    {
        try
        {
            if (_isCut())
            {
                datagram.Direction.CountCutInFlight();
                return;
            }

            var sendTick = Stopwatch.GetTimestamp();
            datagram.From.SendTo(datagram.Buffer.AsSpan(0, datagram.Length), SocketFlags.None, datagram.To);
            datagram.Direction.CountForwarded(datagram.Length, sendTick - datagram.DueTick);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            datagram.Direction.CountSendError();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(datagram.Buffer);
        }
    }
}
