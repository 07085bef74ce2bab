using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using NetControl.Controller.Hosts;
using NetControl.Core.Topology;
using NetControl.Formats.Configuration;

namespace NetControl.Controller.Configuration;

/// <summary>
/// Reads <c>hosts</c>: the signing key (<c>signingKey</c>, <c>signingKeyFile</c> or <c>signingKeyEnv</c>: a PEM ECDSA
/// P-256 private key), <c>keyId</c>, <c>endpoints</c> (each a host node of the topology with its agent and interface,
/// optionally a VLAN), <c>addressPool</c>, <c>mtu</c>, <c>congestionControl</c>, <c>socketMaximums</c>,
/// <c>commandTimeoutSeconds</c>.
/// </summary>
internal static class HostsSection
{
    public static readonly string[] Keys = ["keyId", "endpoints", "addressPool", "mtu", "congestionControl", "socketMaximums", "commandTimeoutSeconds", .. ConfigSecret.Keys("signingKey")];
    private static readonly string[] EndpointKeys = ["host", "agent", "device", "vlan"];

    public static HostsOptions Read(ConfigMap map, NetworkTopology topology, Func<string, string?> environment)
    {
        var source = map.Source;
        var (pem, _) = ConfigSecret.Read(map, "signingKey", environment)
            ?? throw source.Error(map.Start, map.Path, "no signing key: set signingKey, signingKeyFile or signingKeyEnv (a PEM ECDSA P-256 private key)");
        using (var key = ECDsa.Create())
        {
            try
            {
                key.ImportFromPem(pem);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                throw source.Error(map.Start, map.Path, $"the signing key is not a PEM ECDSA private key: {ex.Message}", ex);
            }

            if (key.KeySize != 256)
            {
                throw source.Error(map.Start, map.Path, $"the signing key must be P-256, not {key.KeySize} bits");
            }
        }

        var endpoints = new Dictionary<string, HostEndpoint>(StringComparer.Ordinal);
        var items = map.Sequence("endpoints");
        for (int i = 0; i < items.Count; i++)
        {
            var e = ConfigMap.Open(source, items[i], $"hosts.endpoints[{i}]", EndpointKeys);
            string host = e.RequiredString("host");
            if (!topology.TryGetNode(host, out var node) || node.Kind != NodeKind.Host)
            {
                throw source.Error(e.Required("host"), e.Child("host"), $"'{host}' is not a host of topology '{topology.Name}'");
            }

            if (!endpoints.TryAdd(host, new HostEndpoint(e.RequiredString("agent"), e.RequiredString("device"), e.OptionalBool("vlan") ?? false)))
            {
                throw source.Error(e.Required("host"), e.Child("host"), $"host '{host}' is already defined");
            }
        }

        var defaults = new HostsOptions { SigningKeyPem = pem, Endpoints = endpoints };
        string pool = map.OptionalString("addressPool") ?? defaults.AddressPool;
        if (!IPAddress.TryParse(pool, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw source.Error(map.Required("addressPool"), map.Child("addressPool"), $"'{pool}' is not an IPv4 address (the base of a /16)");
        }

        return defaults with
        {
            KeyId = map.OptionalString("keyId") ?? defaults.KeyId,
            AddressPool = pool,
            Mtu = map.OptionalInt("mtu", 1280, 65535) ?? defaults.Mtu,
            CongestionControl = map.OptionalString("congestionControl") ?? defaults.CongestionControl,
            SocketMaximums = map.OptionalBool("socketMaximums") ?? defaults.SocketMaximums,
            CommandTimeout = map.OptionalInt("commandTimeoutSeconds", 1, 600) is int t ? TimeSpan.FromSeconds(t) : defaults.CommandTimeout,
        };
    }
}
