using System.Collections.Immutable;

namespace NetControl.Drivers.Tl1.Messages;

/// <summary>
/// A TL1 input command, <c>VERB[-MOD1[-MOD2]]:[TID]:[AID]:CTAG[:[GB][:payload]...];</c>. <see cref="Code"/> is the
/// whole command code (<c>ENT-CRS-FIBER</c>), upper-cased; empty blocks are empty strings; <see cref="Payload"/>
/// holds the blocks after the general block, raw (parse them with <see cref="Tl1Parameters.Parse"/>).
/// </summary>
public sealed record Tl1Command(string Code, string Tid, string Aid, string Ctag, string GeneralBlock, ImmutableArray<string> Payload)
{
    public Tl1Command(string code, string tid, string aid, string ctag)
        : this(code, tid, aid, ctag, string.Empty, [])
    {
    }

    /// <summary>The verb: the first part of the code (<c>ENT</c> of <c>ENT-CRS-FIBER</c>).</summary>
    public string Verb => Code.Split('-', 2)[0];

    /// <summary>The payload block at <paramref name="index"/> (0 is the first after the general block), or empty.</summary>
    public string PayloadAt(int index) => index < Payload.Length ? Payload[index] : string.Empty;
}
