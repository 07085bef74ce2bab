namespace NetControl.Drivers.Tl1.Transport;

/// <summary>Formats host and port the way addresses are usually written (<c>[::1]:22</c> for IPv6 literals).</summary>
internal static class HostPort
{
    public static string Format(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}";
}
