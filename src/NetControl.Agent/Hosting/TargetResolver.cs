using System.Net;
using System.Net.Sockets;
using NetControl.Agent.Configuration;

namespace NetControl.Agent.Hosting;

/// <summary>Turns a configured <see cref="HostPort"/> into an endpoint (an IPv4 address preferred for names).</summary>
internal static class TargetResolver
{
    /// <exception cref="SocketException">The name does not resolve.</exception>
    /// <exception cref="AgentException">The name resolves to no address.</exception>
    public static async Task<IPEndPoint> ResolveAsync(HostPort address, CancellationToken stop)
    {
        if (address.Address is { } literal)
        {
            return new IPEndPoint(literal, address.Port);
        }

        var addresses = await Dns.GetHostAddressesAsync(address.Host, stop).ConfigureAwait(false);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new AgentException($"{address.Host}: the name resolves to no address");
        return new IPEndPoint(chosen, address.Port);
    }
}
