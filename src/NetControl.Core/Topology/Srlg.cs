namespace NetControl.Core.Topology;

/// <summary>A shared risk link group: a cable, a duct, a carrier's system: one event cuts all its links.</summary>
public sealed record Srlg(string Id, string? Description = null);
