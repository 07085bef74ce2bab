namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// Timeliness (RFC 3414 3.2.7). The static <see cref="IsInWindowAuthoritative"/> is the check of an engine that owns
/// the boots and time (an agent, or a receiver of informs). An instance is the non-authoritative side: a client's
/// notion of one remote engine's snmpEngineBoots and snmpEngineTime, learned from its messages and advanced by the
/// local clock (<see cref="TimeProvider"/>, whole seconds). Thread-safe.
/// </summary>
public sealed class UsmTimeWindow
{
    /// <summary>Seconds a message's time may trail (or, authoritatively, differ from) the engine's time.</summary>
    public const int WindowSeconds = 150;

    /// <summary>The largest snmpEngineBoots; an engine stuck there accepts no authenticated message.</summary>
    public const int MaxBoots = int.MaxValue;

    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private bool _synchronized;
    private int _boots;
    private int _engineTime;
    private int _latestReceivedEngineTime;
    private long _learnedAt;

    /// <summary>A window that knows nothing of the remote engine until the first <see cref="Update"/>.</summary>
    public UsmTimeWindow(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>True once <see cref="Update"/> has been called (after discovery).</summary>
    public bool IsSynchronized
    {
        get
        {
            lock (_lock)
            {
                return _synchronized;
            }
        }
    }

    /// <summary>
    /// RFC 3414 3.2.7.a, at the authoritative engine: false when the engine's boots are latched at
    /// <see cref="MaxBoots"/>, when the message's boots differ, or when its time is more than
    /// <see cref="WindowSeconds"/> from the engine's own.
    /// </summary>
    public static bool IsInWindowAuthoritative(int localBoots, int localTime, int msgBoots, int msgTime) =>
        localBoots != MaxBoots
        && msgBoots == localBoots
        && Math.Abs((long)msgTime - localTime) <= WindowSeconds;

    /// <summary>
    /// Learns from an authentic message of the remote engine (RFC 3414 3.2.7.b): the first call (discovery) always
    /// takes the values; later, only greater boots, or equal boots with a time beyond the latest received, replace
    /// them and restart the local clock. Call it for authenticated messages (and the discovery Report) before
    /// <see cref="IsInWindow"/>, as the RFC orders it.
    /// </summary>
    public void Update(int boots, int engineTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(boots);
        ArgumentOutOfRangeException.ThrowIfNegative(engineTime);
        lock (_lock)
        {
            if (_synchronized && !(boots > _boots || (boots == _boots && engineTime > _latestReceivedEngineTime)))
            {
                return;
            }

            _synchronized = true;
            _boots = boots;
            _engineTime = engineTime;
            _latestReceivedEngineTime = engineTime;
            _learnedAt = _time.GetTimestamp();
        }
    }

    /// <summary>
    /// The remote engine's boots and time now: the last learned time plus the whole seconds elapsed locally since (at
    /// most <see cref="int.MaxValue"/>). What a request to that engine carries. Throws
    /// <see cref="InvalidOperationException"/> before the first <see cref="Update"/>.
    /// </summary>
    public (int Boots, int Time) Estimate()
    {
        lock (_lock)
        {
            if (!_synchronized)
            {
                throw new InvalidOperationException("the remote engine's boots and time are not known yet: discover them first");
            }

            return (_boots, EstimatedTimeLocked());
        }
    }

    /// <summary>
    /// RFC 3414 3.2.7.b, at the non-authoritative side: false before synchronization, when the known boots are latched
    /// at <see cref="MaxBoots"/>, when the message's boots are lower, or when its boots are equal and its time trails
    /// the estimate by more than <see cref="WindowSeconds"/>. Greater boots are in the window.
    /// </summary>
    public bool IsInWindow(int msgBoots, int msgTime)
    {
        lock (_lock)
        {
            if (!_synchronized || _boots == MaxBoots || msgBoots < _boots)
            {
                return false;
            }

            return msgBoots > _boots || (long)msgTime >= (long)EstimatedTimeLocked() - WindowSeconds;
        }
    }

    private int EstimatedTimeLocked()
    {
        long elapsed = (long)_time.GetElapsedTime(_learnedAt).TotalSeconds;
        return (int)Math.Clamp(_engineTime + elapsed, 0L, int.MaxValue);
    }
}
