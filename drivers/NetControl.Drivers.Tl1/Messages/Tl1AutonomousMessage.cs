using System.Collections.Immutable;

namespace NetControl.Drivers.Tl1.Messages;

/// <summary>
/// A message the element sends on its own (<c>REPT ALM EQPT</c>, <c>REPT EVT</c>...). <see cref="Atag"/> counts
/// them (1..65535, wrapping to 1); <see cref="Report"/> is the verb and its modifiers as sent (<c>REPT ALM EQPT</c>);
/// <see cref="Lines"/> the quoted lines, unquoted and unescaped.
/// </summary>
public sealed record Tl1AutonomousMessage(
    Tl1Header Header,
    Tl1AlarmCode AlarmCode,
    int Atag,
    string Report,
    ImmutableArray<string> Lines) : Tl1Message;
