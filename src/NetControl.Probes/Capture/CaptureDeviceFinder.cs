using System.Net;
using SharpPcap.LibPcap;

namespace NetControl.Probes.Capture;

/// <summary>Picks the pcap device that sees datagrams addressed to a local IP address.</summary>
internal static class CaptureDeviceFinder
{
    /// <summary>Linux's pseudo-device that captures on every interface (Linux cooked link layer).</summary>
    public const string AnyDevice = "any";

    /// <summary>
    /// The device named <paramref name="deviceName"/> when given; otherwise the loopback device for a loopback address,
    /// <see cref="AnyDevice"/> for an unspecified one, or the device holding <paramref name="address"/>. Null with a
    /// reason when there is none. Each call enumerates afresh, so two captures never share a device object.
    /// </summary>
    public static LibPcapLiveDevice? Find(IPAddress address, string? deviceName, out string? failure)
    {
        failure = null;
        var devices = LibPcapLiveDeviceList.New();
        if (deviceName is not null)
        {
            var named = devices.FirstOrDefault(d => d.Name == deviceName);
            failure = named is null ? $"no pcap device named '{deviceName}' (have: {Names(devices)})" : null;
            return named;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        LibPcapLiveDevice? found;
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            found = devices.FirstOrDefault(d => d.Name == AnyDevice);
        }
        else if (IPAddress.IsLoopback(address))
        {
            found = devices.FirstOrDefault(d => d.Loopback) ?? devices.FirstOrDefault(d => d.Name == "lo");
        }
        else
        {
            found = devices.FirstOrDefault(d => d.Addresses.Any(a => address.Equals(a.Addr?.ipAddress)));
        }

        if (found is null)
        {
            failure = $"no pcap device carries {address} (have: {Names(devices)})";
        }

        return found;
    }

    private static string Names(IEnumerable<LibPcapLiveDevice> devices)
    {
        var names = string.Join(", ", devices.Select(d => d.Name));
        return names.Length == 0 ? "none visible, which usually means no capture permission" : names;
    }
}
