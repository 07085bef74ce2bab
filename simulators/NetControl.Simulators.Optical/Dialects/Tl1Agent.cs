using System.Collections.Immutable;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Alarms;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>
/// The TL1 agent of one simulated switch: what a TCP server puts behind a listening port. The server opens a
/// <see cref="Tl1AgentSession"/> per connection, passes each parsed command to <see cref="Execute"/> and acts on the
/// <see cref="CommandOutcome"/> (wait its latency, send its responses, or hang, or drop the connection); it forwards
/// every <see cref="AutonomousMessage"/> to the sessions whose <see cref="Tl1AgentSession.ReceivesAutonomousMessages"/>
/// is true. Commands to one switch execute one at a time; <see cref="Execute"/> may be called from any thread.
/// </summary>
public sealed class Tl1Agent : IDisposable
{
    /// <summary>The largest ATAG; the next one is 1.</summary>
    public const int MaxAtag = 65535;

    private readonly object _executeGate = new();
    private readonly object _atagGate = new();
    private readonly Tl1AgentOptions _options;
    private int _lastAtag;
    private int _sessions;

    public Tl1Agent(OpticalSwitch sw, Tl1AgentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sw);
        Switch = sw;
        _options = options ?? new Tl1AgentOptions();
        Dialect = sw.Dialect switch
        {
            SwitchDialect.Calient => new CalientDialect(sw, _options),
            _ => new GlimmerglassDialect(sw, _options),
        };
        sw.AlarmChanged += OnAlarmChanged;
    }

    /// <summary>
    /// An autonomous message (Calient <c>REPT ALM</c>), raised in ATAG order on the thread that caused it (a command,
    /// a cut), after the network lock is released. Handlers must not block; queue the message to the sessions.
    /// </summary>
    public event EventHandler<AutonomousMessageEventArgs>? AutonomousMessage;

    public OpticalSwitch Switch { get; }

    public ITl1Dialect Dialect { get; }

    /// <summary>The SID of response headers, and the TID commands may name: the switch's node id.</summary>
    public string Sid => Switch.Name;

    /// <summary>The ATAG of the last autonomous message produced (sent or lost); 0 before the first.</summary>
    public int LastAtag
    {
        get
        {
            lock (_atagGate)
            {
                return _lastAtag;
            }
        }
    }

    /// <summary>A new session for a new connection, not logged in.</summary>
    public Tl1AgentSession OpenSession() => new(this, Interlocked.Increment(ref _sessions));

    /// <summary>
    /// Executes <paramref name="command"/> for <paramref name="session"/> with the switch's faults applied: a pending
    /// drop answers <see cref="CommandDisposition.DropConnection"/> without executing; a pending denial answers DENY
    /// with its code without executing; a pending hang executes and answers <see cref="CommandDisposition.NoResponse"/>.
    /// </summary>
    public CommandOutcome Execute(Tl1AgentSession session, Tl1Command command)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(command);
        if (session.Agent != this)
        {
            throw new ArgumentException($"session {session} belongs to another switch", nameof(session));
        }

        var faults = Switch.Faults;
        if (faults.TryTakeDrop())
        {
            return new CommandOutcome(CommandDisposition.DropConnection, TimeSpan.Zero, []);
        }

        bool hang = faults.TryTakeHang();
        DialectReply reply;
        lock (_executeGate)
        {
            reply = faults.TryTakeDenial(out string code)
                ? DialectReply.Deny(code, "injected fault")
                : Dialect.Execute(session, command);
        }

        return hang
            ? new CommandOutcome(CommandDisposition.NoResponse, TimeSpan.Zero, [])
            : new CommandOutcome(CommandDisposition.Respond, faults.NextLatency(), Responses(command.Ctag, reply));
    }

    /// <summary>
    /// The answer to input that is no command (<paramref name="error"/> from the command parser): DENY with the
    /// parser's GR-833 code (IISP when it has none) and the CTAG when it could be read, else <c>0</c>, so a client
    /// is told at once instead of waiting for its timeout. Nothing is executed and no fault applies.
    /// </summary>
    public Tl1Response Reject(Tl1ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reply = DialectReply.Deny(error.ErrorCode ?? Tl1ErrorCodes.InvalidSyntax, error.Message);
        return Responses(error.Ctag ?? string.Empty, reply)[0];
    }

    /// <summary>Stops listening to the switch's alarms.</summary>
    public void Dispose() => Switch.AlarmChanged -= OnAlarmChanged;

    /// <summary>Sets the last ATAG (tests of the wrap-around).</summary>
    internal void SetLastAtag(int atag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(atag, MaxAtag);
        lock (_atagGate)
        {
            _lastAtag = atag;
        }
    }

    private ImmutableArray<Tl1Response> Responses(string requestCtag, DialectReply reply)
    {
        string ctag = requestCtag.Length == 0 ? "0" : requestCtag;
        var header = new Tl1Header(Sid, Switch.Network.Time.GetUtcNow().UtcDateTime);
        int max = _options.MaxLinesPerResponse;
        if (max <= 0 || reply.Lines.Length <= max)
        {
            return [new Tl1Response(header, ctag, reply.Code, reply.ErrorCode, reply.Comments, reply.Lines, false)];
        }

        var parts = reply.Lines.Chunk(max).ToList();
        return [.. parts.Select((lines, i) => new Tl1Response(header, ctag, reply.Code, reply.ErrorCode, i == 0 ? reply.Comments : [], [.. lines], i < parts.Count - 1))];
    }

    private void OnAlarmChanged(object? sender, SwitchAlarmEventArgs e)
    {
        int atag;
        lock (_atagGate)
        {
            _lastAtag = _lastAtag >= MaxAtag ? 1 : _lastAtag + 1;
            atag = _lastAtag;
        }

        if (Switch.Faults.TryTakeLostAutonomous())
        {
            return;
        }

        var alarm = e.Alarm;
        var message = new Tl1AutonomousMessage(
            new Tl1Header(Sid, alarm.OccurredAt.UtcDateTime),
            AlarmCode(alarm.Severity),
            atag,
            _options.AlarmReport,
            [Tl1AlarmLine.Format(alarm)]);
        AutonomousMessage?.Invoke(this, new AutonomousMessageEventArgs(message));
    }

    /// <summary>The alarm code opening the message: the severity of a raise, "A " for a clear.</summary>
    private static Tl1AlarmCode AlarmCode(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Critical => Tl1AlarmCode.Critical,
        AlarmSeverity.Major => Tl1AlarmCode.Major,
        AlarmSeverity.Minor => Tl1AlarmCode.Minor,
        _ => Tl1AlarmCode.NonAlarm,
    };
}
