using NetControl.Core.LinkState;

namespace NetControl.Core.Telemetry;

/// <summary>
/// Probe measurements moved a link's condition. <see cref="Cause"/> is one line, e.g.
/// <c>loss 4.0% &gt; 2.0% for 3 intervals (agent a1)</c>; <see cref="At"/> is the end of the deciding interval.
/// </summary>
public sealed record LinkConditionChange(string LinkId, LinkCondition Previous, LinkCondition Current, string Cause, DateTimeOffset At);
