namespace NetControl.Core.Lightpaths;

/// <summary>One step of a lightpath's history: from which state to which, what fired it, when, and why (free text for people).</summary>
/// <param name="From">State before the step.</param>
/// <param name="To">State after the step.</param>
/// <param name="Trigger">What fired the step.</param>
/// <param name="At">When it happened, from the lifecycle's <see cref="TimeProvider"/>.</param>
/// <param name="Cause">Why, for people: "fibre cut on nyc-chi", "released by alice", "lease not renewed for 30 s".</param>
public sealed record LightpathTransition(LightpathState From, LightpathState To, LightpathTrigger Trigger, DateTimeOffset At, string Cause);
