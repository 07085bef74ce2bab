using NetControl.Core.Units;
using NetControl.Simulators.Network.Bottleneck;
using NetControl.Simulators.Network.Impairments;
using NetControl.Simulators.Network.Truth;

namespace NetControl.Simulators.Network.Links;

/// <summary>
/// One direction's emulation as a pure function of arrival timestamps (ticks of <c>frequency</c>) with an
/// injected <see cref="Random"/>: decides drop or release time for each datagram and keeps the truth. Ingress is
/// serialised by a lock; settings are swapped atomically under it.
/// </summary>
internal sealed class DirectionPipeline
{
    private readonly Lock _gate = new();
    private readonly long _frequency;
    private readonly Random _random;
    private readonly SampleWindow _extra = new();
    private readonly SampleWindow _applied = new();
    private readonly SampleWindow _releaseError = new();
    private DirectionSettings _settings = DirectionSettings.Ideal;
    private LossModel _loss = null!;
    private JitterSampler _jitter = null!;
    private BottleneckQueue? _queue;
    private long _baseTicks;
    private long _lastRelease;
    private long _packetsIn;
    private long _bytesIn;
    private long _randomLoss;
    private long _burstLoss;
    private long _overflow;
    private long _cut;
    private long _forwarded;
    private long _bytesForwarded;
    private long _sendErrors;
    private long _crossBaseOffered;
    private long _crossBaseDropped;

    public DirectionPipeline(DirectionSettings settings, long frequency, Random random, long nowTick)
    {
        _frequency = frequency;
        _random = random;
        Apply(settings, nowTick);
    }

    public DirectionSettings Settings => _settings;

    /// <summary>Replaces the settings atomically. Loss state, jitter and cross-traffic schedule restart; the queue restarts empty.</summary>
    public void Apply(DirectionSettings settings, long nowTick)
    {
        lock (_gate)
        {
            if (_queue is not null)
            {
                _crossBaseOffered += _queue.CrossOffered;
                _crossBaseDropped += _queue.CrossDropped;
            }

            _settings = settings;
            _loss = new LossModel(settings.Loss, _random);
            _jitter = new JitterSampler(settings.Jitter, _random);
            _queue = settings.Bottleneck is { } bottleneck ? new BottleneckQueue(bottleneck, _frequency, _random, nowTick) : null;
            _baseTicks = (long)Math.Round(settings.Delay.TotalSeconds * _frequency);
        }
    }

    /// <summary>Decides what happens to a datagram of <paramref name="length"/> payload bytes arriving at <paramref name="arrivalTick"/>.</summary>
    /// <returns>True with the release tick when it is to be forwarded; false when it was dropped (and counted).</returns>
    public bool Admit(long arrivalTick, int length, bool cut, out long releaseTick)
    {
        releaseTick = 0;
        lock (_gate)
        {
            _packetsIn++;
            _bytesIn += length;
            if (cut)
            {
                _cut++;
                return false;
            }

            switch (_loss.Next())
            {
                case LossVerdict.RandomLoss:
                    _randomLoss++;
                    return false;
                case LossVerdict.BurstLoss:
                    _burstLoss++;
                    return false;
            }

            var afterQueue = arrivalTick;
            if (_queue is not null && !_queue.Offer(arrivalTick, length, out afterQueue))
            {
                _overflow++;
                return false;
            }

            var release = afterQueue + _baseTicks + (long)Math.Round(_jitter.NextSeconds() * _frequency);
            if (_settings.Order == JitterOrder.PreserveOrder)
            {
                release = Math.Max(release, _lastRelease);
            }

            _lastRelease = Math.Max(_lastRelease, release);
            releaseTick = release;
            var applied = (double)(release - arrivalTick) / _frequency;
            _applied.Add(applied);
            _extra.Add(applied - ((double)_baseTicks / _frequency));
            return true;
        }
    }

    /// <summary>Counts a datagram that was admitted but found the link cut at release time.</summary>
    public void CountCutInFlight() => Interlocked.Increment(ref _cut);

    public void CountForwarded(int length, long errorTicks)
    {
        Interlocked.Increment(ref _forwarded);
        Interlocked.Add(ref _bytesForwarded, length);
        _releaseError.Add((double)errorTicks / _frequency);
    }

    public void CountSendError() => Interlocked.Increment(ref _sendErrors);

    public void ResetTruth()
    {
        lock (_gate)
        {
            _packetsIn = _bytesIn = _randomLoss = _burstLoss = _overflow = 0;
            Interlocked.Exchange(ref _cut, 0);
            Interlocked.Exchange(ref _forwarded, 0);
            Interlocked.Exchange(ref _bytesForwarded, 0);
            Interlocked.Exchange(ref _sendErrors, 0);
            _crossBaseOffered = -(_queue?.CrossOffered ?? 0);
            _crossBaseDropped = -(_queue?.CrossDropped ?? 0);
            _extra.Reset();
            _applied.Reset();
            _releaseError.Reset();
        }
    }

    public DirectionTruth Truth()
    {
        lock (_gate)
        {
            var bottleneck = _settings.Bottleneck;
            return new DirectionTruth
            {
                PacketsIn = _packetsIn,
                BytesIn = _bytesIn,
                Forwarded = Interlocked.Read(ref _forwarded),
                BytesForwarded = Interlocked.Read(ref _bytesForwarded),
                DroppedRandomLoss = _randomLoss,
                DroppedBurstLoss = _burstLoss,
                DroppedQueueOverflow = _overflow,
                DroppedCut = Interlocked.Read(ref _cut),
                SendErrors = Interlocked.Read(ref _sendErrors),
                BaseDelay = _settings.Delay,
                ExtraDelay = _extra.Snapshot(),
                AppliedDelay = _applied.Snapshot(),
                ReleaseError = _releaseError.Snapshot(),
                Capacity = bottleneck?.Capacity,
                CrossTrafficRate = bottleneck?.CrossTraffic?.Rate ?? DataRate.Zero,
                AvailableBandwidth = bottleneck?.AvailableBandwidth,
                CrossTrafficPackets = _crossBaseOffered + (_queue?.CrossOffered ?? 0),
                CrossTrafficDropped = _crossBaseDropped + (_queue?.CrossDropped ?? 0),
            };
        }
    }
}
