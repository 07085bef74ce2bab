namespace NetControl.Cli.Json;

/// <summary>Output of <c>netctl demo --json</c>.</summary>
public sealed record DemoJson(string Topology, TopologySummaryJson Summary, string From, string To, IReadOnlyList<DemoStepJson> Steps, DemoLiveJson? Live = null);

/// <summary>The live part of the demo: where the controller listens, its tokens, the sample commands and the self-check.</summary>
public sealed record DemoLiveJson(string Url, string ViewerToken, string OperatorToken, string AdminToken, string SimulatorControl, IReadOnlyList<string> Samples, DemoSelfCheckJson? SelfCheck, DemoOverlayCheckJson? OverlayCheck = null);

/// <summary>
/// The overlay self-check: every emulated reflector link measured by the probes, then a link of the installed tree
/// cut, and how long the overlay took to move off it (the probes report every <c>ReportingMs</c>).
/// </summary>
public sealed record DemoOverlayCheckJson(int Reflectors, int Links, int MeasuredLinks, double MeasuredAfterMs, double ReportingMs, string? CutLink, bool Moved, double? MovedMs, long VersionBefore, long VersionAfter, string? Reason, string? Error);

/// <summary>The self-check: a lightpath requested, a fibre cut on its path, its restoration, its release.</summary>
public sealed record DemoSelfCheckJson(string Lightpath, string From, string To, bool BecameActive, double ActiveMs, IReadOnlyList<string> Path, string? CutLink, bool Restored, double? RestoreMs, IReadOnlyList<string>? RestoredPath, bool Released, string FinalState, IReadOnlyList<string> States, string? Error);

/// <summary>One step of the demo: what was asked, the paths found (working first for pairs), or why none.</summary>
public sealed record DemoStepJson(string Title, IReadOnlyList<PathJson> Paths, FailureJson? Failure);
