using System.Net;
using NetControl.Formats.Configuration;

namespace NetControl.Agent.Configuration;

/// <summary>Reads address values: a bind address (<c>IP:port</c>) or a peer (<c>host:port</c>).</summary>
internal static class Endpoints
{
    /// <summary>An IP address literal and a port (0 allowed: any free port).</summary>
    public static IPEndPoint Listen(ConfigMap map, string key)
    {
        string text = map.RequiredString(key);
        return HostPort.TryParse(text, out var value) && value!.Address is { } address
            ? new IPEndPoint(address, value.Port)
            : throw map.Source.Error(map.Required(key), map.Child(key), $"'{text}' is not an IP address and UDP port (e.g. 0.0.0.0:862)");
    }

    /// <summary>A host name or address and a port 1-65535; null when the key is absent.</summary>
    public static HostPort? Peer(ConfigMap map, string key)
    {
        if (map.OptionalString(key) is not { } text)
        {
            return null;
        }

        return HostPort.TryParse(text, out var value) && value!.Port != 0
            ? value
            : throw map.Source.Error(map.Required(key), map.Child(key), $"'{text}' is not host:port");
    }
}
