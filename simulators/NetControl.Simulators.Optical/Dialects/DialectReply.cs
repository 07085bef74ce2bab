using System.Collections.Immutable;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>
/// What a dialect answers to one command, before the agent adds header and CTAG and splits long retrievals:
/// COMPLD with quoted <see cref="Lines"/> (unquoted here), or DENY with a 4-letter <see cref="ErrorCode"/> and a
/// comment saying why.
/// </summary>
public sealed record DialectReply(Tl1CompletionCode Code, string? ErrorCode, ImmutableArray<string> Comments, ImmutableArray<string> Lines)
{
    public static DialectReply Completed() => new(Tl1CompletionCode.Completed, null, [], []);

    public static DialectReply Completed(IEnumerable<string> lines) => new(Tl1CompletionCode.Completed, null, [], [.. lines]);

    public static DialectReply Deny(string errorCode, string comment) => new(Tl1CompletionCode.Denied, errorCode, [comment], []);
}
