namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>A datagram captured from real net-snmp, with the command that produced it (Golden/*.hex).</summary>
public sealed record GoldenPacket(string Name, byte[] Bytes, string Command)
{
    /// <summary>The file name without extension, which names the packet in test output.</summary>
    public override string ToString() => Name;
}
