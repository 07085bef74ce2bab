using System.Collections.Immutable;

namespace NetControl.Drivers.Tl1.Messages;

/// <summary>
/// A normal or error response to the command with <see cref="Ctag"/>. <see cref="ErrorCode"/> is the 4-letter code
/// of a DENY; <see cref="Comments"/> the free-text comment lines without <c>/* */</c>; <see cref="Lines"/> the
/// quoted lines, unquoted and unescaped. <see cref="More"/> is true when the message ended with <c>&gt;</c>: more
/// parts with the same CTAG follow.
/// </summary>
public sealed record Tl1Response(
    Tl1Header Header,
    string Ctag,
    Tl1CompletionCode Code,
    string? ErrorCode,
    ImmutableArray<string> Comments,
    ImmutableArray<string> Lines,
    bool More) : Tl1Message;
