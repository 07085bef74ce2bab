using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Faults;

/// <summary>
/// Faults and quirks injected into one switch. The TL1 agent (<c>Tl1Agent</c>) consults them on every command and
/// autonomous message; a TCP server consults <see cref="ConnectionDropPending"/> and the latency of each outcome.
/// Counters count down as they are used ("the next N commands"). Thread-safe.
/// </summary>
public sealed class SwitchFaults
{
    private readonly object _gate = new();
    private readonly OpticalSwitch _switch;
    private readonly Random _random;
    private CommandLatency _latency;
    private int _denials;
    private string _denyCode = "SROF";
    private int _hangs;
    private int _lostAutonomous;
    private bool _dropPending;
    private TimeSpan? _loginQuirkWindow;

    internal SwitchFaults(OpticalSwitch sw, Random random)
    {
        _switch = sw;
        _random = random;
    }

    /// <summary>Raised when <see cref="DropConnections"/> is called: the server should close this switch's connections now.</summary>
    public event EventHandler? DropRequested;

    /// <summary>Latency added to every response.</summary>
    public CommandLatency Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }
    }

    /// <summary>Commands still to be denied by <see cref="DenyNext"/>.</summary>
    public int PendingDenials => Read(() => _denials);

    /// <summary>Commands still to go unanswered by <see cref="HangNext"/>.</summary>
    public int PendingHangs => Read(() => _hangs);

    /// <summary>Autonomous messages still to be lost by <see cref="LoseNextAutonomous"/>.</summary>
    public int PendingLostAutonomous => Read(() => _lostAutonomous);

    /// <summary>True after <see cref="DropConnections"/> until a command consumes it.</summary>
    public bool ConnectionDropPending => Read(() => _dropPending);

    /// <summary>
    /// Calient quirk: the first command a session sends within this time after its ACT-USER is denied PLNA ("login
    /// not active"), as real devices do while the login settles. Null (the default) turns the quirk off. Glimmerglass
    /// ignores it.
    /// </summary>
    public TimeSpan? LoginQuirkWindow
    {
        get => Read(() => _loginQuirkWindow);
        set
        {
            lock (_gate)
            {
                _loginQuirkWindow = value;
            }
        }
    }

    /// <summary>Every response waits <paramref name="fixedDelay"/> plus a uniform draw in [0, <paramref name="jitter"/>).</summary>
    public void SetLatency(TimeSpan fixedDelay, TimeSpan jitter = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fixedDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, TimeSpan.Zero);
        lock (_gate)
        {
            _latency = new CommandLatency(fixedDelay, jitter);
        }
    }

    /// <summary>The next <paramref name="count"/> commands are denied with <paramref name="errorCode"/> (four capital letters) and not executed.</summary>
    public void DenyNext(int count, string errorCode = "SROF")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(errorCode);
        if (errorCode.Length != 4 || !errorCode.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"a TL1 error code is four capital letters, not '{errorCode}'", nameof(errorCode));
        }

        lock (_gate)
        {
            _denials = count;
            _denyCode = errorCode;
        }
    }

    /// <summary>The next <paramref name="count"/> commands are executed but get no response (a hung element).</summary>
    public void HangNext(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _hangs = count;
        }
    }

    /// <summary>The next <paramref name="count"/> autonomous messages are not sent, but still use up their ATAGs.</summary>
    public void LoseNextAutonomous(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _lostAutonomous = count;
        }
    }

    /// <summary>Asks the server to drop this switch's connections: raises <see cref="DropRequested"/> and marks the next command as dropped.</summary>
    public void DropConnections()
    {
        lock (_gate)
        {
            _dropPending = true;
        }

        DropRequested?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Fails the mirror of <paramref name="port"/>: connections from it pass no light (Glimmerglass CONNSTATE=fault).</summary>
    public void FailMirror(string port) => _switch.SetMirrorFailed(port, true);

    /// <summary>Repairs the mirror of <paramref name="port"/>.</summary>
    public void RepairMirror(string port) => _switch.SetMirrorFailed(port, false);

    public bool IsMirrorFailed(string port) => _switch.IsMirrorFailed(port);

    /// <summary>Clears every pending command fault and the latency (not mirrors, not the login quirk).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _latency = default;
            _denials = 0;
            _hangs = 0;
            _lostAutonomous = 0;
            _dropPending = false;
        }
    }

    /// <summary>Draws the latency of one response.</summary>
    public TimeSpan NextLatency()
    {
        lock (_gate)
        {
            return _latency.Jitter <= TimeSpan.Zero
                ? _latency.Fixed
                : _latency.Fixed + TimeSpan.FromTicks((long)(_random.NextDouble() * _latency.Jitter.Ticks));
        }
    }

    /// <summary>Uses up one pending denial; its error code when there was one.</summary>
    public bool TryTakeDenial(out string errorCode)
    {
        lock (_gate)
        {
            errorCode = _denyCode;
            return TryTake(ref _denials);
        }
    }

    /// <summary>Uses up one pending hang.</summary>
    public bool TryTakeHang()
    {
        lock (_gate)
        {
            return TryTake(ref _hangs);
        }
    }

    /// <summary>Uses up one pending lost autonomous message.</summary>
    public bool TryTakeLostAutonomous()
    {
        lock (_gate)
        {
            return TryTake(ref _lostAutonomous);
        }
    }

    /// <summary>Uses up a pending connection drop.</summary>
    public bool TryTakeDrop()
    {
        lock (_gate)
        {
            bool pending = _dropPending;
            _dropPending = false;
            return pending;
        }
    }

    private static bool TryTake(ref int counter)
    {
        if (counter <= 0)
        {
            return false;
        }

        counter--;
        return true;
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
