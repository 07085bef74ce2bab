using System.Globalization;
using System.Net;
using NetControl.Core;
using NetControl.Drivers.Host.Configuration;
using NetControl.Messaging.Commands;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Hosts;

/// <summary>
/// What each end host of a lightpath gets: the MTU, optionally a VLAN sub-interface (id 3000 + n), a /30 address
/// (n-th /30 of the pool: .1 at the request's from end, .2 at its to end), a routing table and rule so traffic
/// from that address takes the lightpath to the peer, and TCP buffers for bandwidth x RTT (RTT = 2 x path latency).
/// n is the lightpath's number (<c>lp-n</c>).
/// </summary>
public static class HostStepPlanner
{
    public static (HostSide From, HostSide To) Plan(LightpathRecord lightpath, HostsOptions options)
    {
        ArgumentNullException.ThrowIfNull(lightpath);
        ArgumentNullException.ThrowIfNull(options);
        int n = Number(lightpath.Id);
        var from = Endpoint(lightpath.Request.From, lightpath.Id, options);
        var to = Endpoint(lightpath.Request.To, lightpath.Id, options);
        byte[] pool = IPAddress.Parse(options.AddressPool).GetAddressBytes();
        int block = (n % 16384) * 4;
        string Address(int host) => $"{pool[0]}.{pool[1]}.{(block + host) / 256}.{(block + host) % 256}";
        double bps = Bandwidth(lightpath, options);
        var rtt = Rtt(lightpath);
        string table = (1000 + (n % 30000)).ToString(CultureInfo.InvariantCulture);
        return (Side(from, Address(1), Address(2)), Side(to, Address(2), Address(1)));

        HostSide Side(HostEndpoint end, string self, string peer)
        {
            int vlan = 3000 + (n % 1000);
            string device = end.Vlan ? $"{end.Device}.{vlan}" : end.Device;
            var steps = new List<HostStepSpec> { new() { Kind = "mtu", Device = end.Device, Value = options.Mtu } };
            if (end.Vlan)
            {
                steps.Add(new() { Kind = "vlan", Parent = end.Device, VlanId = vlan, Device = device });
            }

            steps.Add(new() { Kind = "address", Device = device, Cidr = $"{self}/30" });
            steps.Add(new() { Kind = "route", Prefix = $"{peer}/32", Device = device, Table = table });
            steps.Add(new() { Kind = "rule", From = self, Table = table, Priority = int.Parse(table, CultureInfo.InvariantCulture) });
            steps.AddRange(Sysctls(bps, rtt, options));
            if (TcpTuning.TxQueueLength(bps) is int length)
            {
                steps.Add(new() { Kind = "txqueuelen", Device = device, Value = length });
            }

            return new HostSide(end, self, steps);
        }
    }

    /// <summary>
    /// Only the steps that depend on the path (the TCP sysctls for bandwidth x RTT of the active leg), for both ends:
    /// what a lightpath that moved needs again.
    /// </summary>
    public static (HostSide From, HostSide To) PlanPathDependent(LightpathRecord lightpath, HostsOptions options)
    {
        ArgumentNullException.ThrowIfNull(lightpath);
        ArgumentNullException.ThrowIfNull(options);
        var (a, b) = Plan(lightpath, options);
        var tcp = Sysctls(Bandwidth(lightpath, options), Rtt(lightpath), options).ToList();
        return (a with { Steps = tcp }, b with { Steps = tcp });
    }

    private static double Bandwidth(LightpathRecord lightpath, HostsOptions options) => lightpath.Request.Bandwidth?.BitsPerSecond ?? options.DefaultBitsPerSecond;

    /// <summary>Twice the latency of the leg that carries the traffic now.</summary>
    private static TimeSpan Rtt(LightpathRecord lightpath) => TimeSpan.FromMilliseconds(2 * ((lightpath.Active ?? lightpath.Working)?.LatencyMs ?? 0));

    private static IEnumerable<HostStepSpec> Sysctls(double bps, TimeSpan rtt, HostsOptions options) =>
        TcpTuning.Sysctls(bps, rtt, options.CongestionControl, options.SocketMaximums).Select(s => new HostStepSpec { Kind = "sysctl", Key = s.Key, Setting = s.Value });

    private static HostEndpoint Endpoint(string node, string lightpath, HostsOptions options) =>
        options.Endpoints.TryGetValue(node, out var end) ? end : throw new HostConfigurationFailedException($"lightpath {lightpath}: end '{node}' is not a host this controller configures (configured: {string.Join(", ", options.Endpoints.Keys.Order(StringComparer.Ordinal))})");

    private static int Number(string id) =>
        id.StartsWith("lp-", StringComparison.Ordinal) && int.TryParse(id.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : StringComparer.Ordinal.GetHashCode(id) & 0x3fff;
}

/// <summary>One end: its agent and interface, the address it gets, and the steps sent to it.</summary>
public sealed record HostSide(HostEndpoint Endpoint, string Address, IReadOnlyList<HostStepSpec> Steps);

/// <summary>A lightpath's hosts could not be configured or restored: which host and why, on one line.</summary>
public sealed class HostConfigurationFailedException(string message, Exception? inner = null) : NetControlException(message, inner);
