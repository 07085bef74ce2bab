using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Messaging.Contracts;

namespace NetControl.Messaging.Ingest;

/// <summary>
/// Which agents are up. An agent is up after its <c>online</c> status or any message; down after an <c>offline</c>
/// status (the last will when its connection died) or when nothing arrived within
/// <see cref="PresenceTrackerOptions.SilenceTimeout"/>, checked on a timer of the injected <see cref="TimeProvider"/>.
/// Transitions raise <see cref="Changed"/> (outside any lock) and are logged. Thread-safe.
/// </summary>
public sealed class PresenceTracker : IDisposable
{
    private readonly PresenceTrackerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _agents = new(StringComparer.Ordinal);
    private readonly ITimer _timer;

    public PresenceTracker(PresenceTrackerOptions? options = null, ILogger<PresenceTracker>? logger = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new PresenceTrackerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.SilenceTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.CheckInterval, TimeSpan.Zero);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _timer = _time.CreateTimer(_ => CheckSilence(), null, _options.CheckInterval, _options.CheckInterval);
    }

    /// <summary>Raised on every up/down transition.</summary>
    public event Action<AgentPresence>? Changed;

    /// <summary>A message arrived from <paramref name="agentId"/>.</summary>
    public void Observe(string agentId) => Update(agentId, up: true, PresenceReason.Message, touch: true);

    /// <summary>A status message arrived (retained or live).</summary>
    public void ReportStatus(string agentId, AgentState state, string? reason)
    {
        if (state == AgentState.Online)
        {
            Update(agentId, up: true, PresenceReason.Online, touch: true);
            return;
        }

        var why = string.Equals(reason, AgentStatusMessage.ConnectionLost, StringComparison.Ordinal) ? PresenceReason.LastWill : PresenceReason.Offline;
        Update(agentId, up: false, why, touch: false);
    }

    public AgentPresence? Get(string agentId) => _agents.TryGetValue(agentId, out var e) ? Locked(e) : null;

    public IReadOnlyList<AgentPresence> Snapshot() => [.. _agents.Values.Select(Locked).OrderBy(p => p.AgentId, StringComparer.Ordinal)];

    /// <summary>Marks agents silent for longer than the timeout as down (the timer calls this).</summary>
    public void CheckSilence()
    {
        var now = _time.GetUtcNow();
        foreach (var entry in _agents.Values)
        {
            AgentPresence? changed = null;
            lock (entry)
            {
                if (entry.IsUp && now - entry.LastSeen >= _options.SilenceTimeout)
                {
                    entry.Set(false, PresenceReason.Silent, now);
                    changed = entry.Snapshot();
                }
            }

            if (changed is not null)
            {
                Raise(changed);
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private static AgentPresence Locked(Entry entry)
    {
        lock (entry)
        {
            return entry.Snapshot();
        }
    }

    private void Update(string agentId, bool up, PresenceReason reason, bool touch)
    {
        var now = _time.GetUtcNow();
        var entry = _agents.GetOrAdd(agentId, static (id, t) => new Entry(id, t), now);
        AgentPresence? changed = null;
        lock (entry)
        {
            if (touch)
            {
                entry.LastSeen = now;
            }

            if (entry.IsUp != up || entry.IsNew)
            {
                entry.Set(up, reason, now);
                changed = entry.Snapshot();
            }
        }

        if (changed is not null)
        {
            Raise(changed);
        }
    }

    private void Raise(AgentPresence presence)
    {
        if (presence.IsUp)
        {
            PresenceLog.Up(_logger, presence.AgentId, presence.Reason);
        }
        else
        {
            PresenceLog.Down(_logger, presence.AgentId, presence.Reason, presence.LastSeen);
        }

        Changed?.Invoke(presence);
    }

    private sealed class Entry(string agentId, DateTimeOffset created)
    {
        public bool IsNew { get; private set; } = true;

        public bool IsUp { get; private set; }

        public PresenceReason Reason { get; private set; } = PresenceReason.Offline;

        public DateTimeOffset Since { get; private set; } = created;

        public DateTimeOffset LastSeen { get; set; } = created;

        public void Set(bool up, PresenceReason reason, DateTimeOffset now)
        {
            IsNew = false;
            IsUp = up;
            Reason = reason;
            Since = now;
        }

        public AgentPresence Snapshot() => new(agentId, IsUp, Reason, Since, LastSeen);
    }
}
