using System.Collections.Immutable;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>
/// The result of one command with the switch's faults applied: what to do (<see cref="Disposition"/>), how long the
/// element takes before answering (<see cref="Latency"/>; above about 2 s a real element first sends <c>IP</c>), and
/// the responses, all with the command's CTAG (several when a long retrieval is split; all but the last have
/// <see cref="Tl1Response.More"/>).
/// </summary>
public sealed record CommandOutcome(CommandDisposition Disposition, TimeSpan Latency, ImmutableArray<Tl1Response> Responses);
