namespace NetControl.Drivers.Snmp.Tests.Security;

/// <summary>Hex strings as test vectors print them (spaces allowed).</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
