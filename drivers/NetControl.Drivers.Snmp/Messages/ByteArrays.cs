using System.Collections.Immutable;

namespace NetControl.Drivers.Snmp.Messages;

/// <summary>Content equality and hashing for the byte fields of the message records (ImmutableArray compares by reference).</summary>
internal static class ByteArrays
{
    public static ImmutableArray<byte> OrEmpty(ImmutableArray<byte> bytes) => bytes.IsDefault ? [] : bytes;

    public static bool Equal(ImmutableArray<byte> a, ImmutableArray<byte> b) => a.AsSpan().SequenceEqual(b.AsSpan());

    public static int Hash(ImmutableArray<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes.AsSpan());
        return hash.ToHashCode();
    }

    public static string Hex(ImmutableArray<byte> bytes) => Convert.ToHexString(bytes.AsSpan());
}
