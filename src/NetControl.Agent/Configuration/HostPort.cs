using System.Globalization;
using System.Net;

namespace NetControl.Agent.Configuration;

/// <summary>A <c>host:port</c> pair; IPv6 addresses are written in brackets (<c>[::1]:862</c>).</summary>
/// <param name="Host">A host name or an IP address literal (without brackets).</param>
/// <param name="Port">The port, 0-65535.</param>
public sealed record HostPort(string Host, int Port)
{
    /// <summary>The host as an IP address when it is a literal, else null (a name to resolve).</summary>
    public IPAddress? Address => IPAddress.TryParse(Host, out var a) ? a : null;

    /// <summary>Parses <c>host:port</c>, <c>a.b.c.d:port</c> or <c>[v6]:port</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out HostPort? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            return false;
        }

        string host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }
        }
        else if (host.Contains(':', StringComparison.Ordinal) || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            return false;
        }

        value = new HostPort(host, port);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
