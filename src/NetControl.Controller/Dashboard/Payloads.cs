namespace NetControl.Controller.Dashboard;

/// <summary>A link's operational state (from alarms, polling, traps and probes).</summary>
public sealed record LinkStatePayload(string Link, string State, string Cause, DateTimeOffset Since);

/// <summary>A link's latest probe quality; a metric the client did not subscribe to is null.</summary>
public sealed record QualityPayload(
    string Link, DateTimeOffset At, double? Quality, double? RttMs, double? JitterMs, double? Loss, double? AvailableMbpsLow, double? AvailableMbpsHigh, string Condition);

/// <summary>One line of the event log: an alarm, a circuit transition, a tree change.</summary>
public sealed record EventPayload(DateTimeOffset At, string Severity, string Text);

/// <summary>One batch of updates to one client; <see cref="Resync"/> says updates were lost and the client should subscribe again.</summary>
public sealed record DeltaBatch(long Sequence, double SentAt, IReadOnlyList<DashboardUpdate> Updates, int Dropped, bool Resync);
