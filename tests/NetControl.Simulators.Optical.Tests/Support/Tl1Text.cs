using System.Collections.Immutable;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Simulators.Optical.Tests.Support;

/// <summary>Builds a <see cref="Tl1Command"/> from its text (<c>CODE:TID:AID:CTAG:GB:payload...;</c>), for tests whose blocks hold no colons.</summary>
internal static class Tl1Text
{
    public static Tl1Command Command(string text)
    {
        string[] blocks = text.TrimEnd(';').Split(':');
        string At(int i) => i < blocks.Length ? blocks[i] : string.Empty;
        return new Tl1Command(At(0).ToUpperInvariant(), At(1), At(2), At(3), At(4), blocks.Length > 5 ? [.. blocks[5..]] : ImmutableArray<string>.Empty);
    }
}
