namespace NetControl.Agent.Configuration;

/// <summary>One reflector the agent probes.</summary>
/// <param name="Id">Target id, unique in the file; the <c>targetId</c> of its summaries.</param>
/// <param name="Address">Host (name or address) and UDP port of the reflector; names are resolved when the session starts.</param>
/// <param name="LinkId">The topology link the probe measures, when known.</param>
/// <param name="Probe">The effective probe settings (defaults with this target's overrides applied).</param>
/// <param name="BandwidthAddress">The peer's bandwidth stream receiver, when bandwidth is estimated towards it.</param>
public sealed record TargetConfig(string Id, HostPort Address, string? LinkId, ProbeSettings Probe, HostPort? BandwidthAddress = null);
