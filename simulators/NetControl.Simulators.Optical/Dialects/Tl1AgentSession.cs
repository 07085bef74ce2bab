namespace NetControl.Simulators.Optical.Dialects;

/// <summary>
/// One client connection to a simulated switch, created by <see cref="Tl1Agent.OpenSession"/>: who is logged in, since
/// when, and whether autonomous messages are inhibited. Thread-safe.
/// </summary>
public sealed class Tl1AgentSession
{
    private readonly object _gate = new();
    private string? _user;
    private DateTimeOffset _loggedInAt;
    private bool _firstCommandPending;
    private bool _inhibited;
    private bool _closed;

    internal Tl1AgentSession(Tl1Agent agent, int id)
    {
        Agent = agent;
        Id = id;
    }

    /// <summary>The agent (switch) this session talks to.</summary>
    public Tl1Agent Agent { get; }

    /// <summary>Sequence number of the session on its agent, from 1.</summary>
    public int Id { get; }

    /// <summary>The logged-in user id, or null.</summary>
    public string? User => Read(() => _user);

    public bool IsLoggedIn => User is not null;

    /// <summary>When the current login happened (meaningless when not logged in).</summary>
    public DateTimeOffset LoggedInAt => Read(() => _loggedInAt);

    /// <summary>Set by INH-MSG-ALL, cleared by ALW-MSG-ALL.</summary>
    public bool MessagesInhibited => Read(() => _inhibited);

    public bool IsClosed => Read(() => _closed);

    /// <summary>True when the server should send this session the agent's autonomous messages.</summary>
    public bool ReceivesAutonomousMessages => Read(() => _user is not null && !_inhibited && !_closed);

    /// <summary>Marks the session closed (the connection ended); it then receives nothing.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _user = null;
        }
    }

    public override string ToString() => $"{Agent.Sid}#{Id}{(User is { } u ? $" ({u})" : string.Empty)}";

    internal void LogIn(string user, DateTimeOffset at)
    {
        lock (_gate)
        {
            _user = user;
            _loggedInAt = at;
            _firstCommandPending = true;
        }
    }

    internal void LogOut()
    {
        lock (_gate)
        {
            _user = null;
            _firstCommandPending = false;
        }
    }

    internal void SetInhibited(bool inhibited)
    {
        lock (_gate)
        {
            _inhibited = inhibited;
        }
    }

    /// <summary>True once per login, for the first command after it; also gives the login time.</summary>
    internal bool TakeFirstCommandAfterLogin(out DateTimeOffset loggedInAt)
    {
        lock (_gate)
        {
            loggedInAt = _loggedInAt;
            bool first = _firstCommandPending;
            _firstCommandPending = false;
            return first;
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
