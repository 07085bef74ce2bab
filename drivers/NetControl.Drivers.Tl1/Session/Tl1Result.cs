using System.Collections.Immutable;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>
/// The final outcome of one command: its completion code (COMPLD, PRTL or DELAY; a DENY is a
/// <see cref="Tl1DeniedException"/>) and every quoted line and comment of all its parts, in order.
/// </summary>
public sealed record Tl1Result(Tl1CompletionCode Code, ImmutableArray<string> Lines, ImmutableArray<string> Comments);
