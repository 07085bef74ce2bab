using System.Net;

namespace NetControl.Controller.Devices;

/// <summary>The UDP endpoint of a device's SNMP agent: its host (an address, or a name resolved now) and port.</summary>
internal static class SnmpAgentAddress
{
    public static async Task<IPEndPoint> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return new IPEndPoint(addresses.First(), port);
    }
}
