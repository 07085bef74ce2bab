using NetControl.Core.Lightpaths.Provisioning;

namespace NetControl.Orchestration.Restoration;

/// <summary>
/// How a move from one set of cross-connects to another ended. <see cref="SwitchedAfter"/> is when traffic was on the
/// new cross-connects (the swap commands completed); <see cref="Leftovers"/> are old cross-connects that could not be
/// removed (or new ones a failed move could not take back) and must be retried.
/// </summary>
public sealed record TransitionOutcome(bool Succeeded, string? Error, TimeSpan SwitchedAfter, IReadOnlyList<CrossConnectStep> Leftovers);
