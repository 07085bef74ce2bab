namespace NetControl.Orchestration.Restoration;

/// <summary>A link declared down (cut) or up (repaired) by the correlator, with the evidence.</summary>
public sealed record LinkChange(string Link, bool Down, string Cause, DateTimeOffset At);
