using System.Globalization;
using NetControl.Drivers.Host.Steps;

namespace NetControl.Drivers.Host.Configuration;

/// <summary>
/// TCP buffers sized for a path: the bandwidth-delay product (bandwidth x RTT), doubled so a window's worth can be in
/// flight while the receiver drains the last one, between 4 MiB and 2 GiB; the maximum socket buffers
/// (<c>net.core.rmem_max</c>/<c>wmem_max</c>), the autotuning ranges (<c>net.ipv4.tcp_rmem</c>/<c>tcp_wmem</c>), the
/// congestion control and, from 10 Gbit/s, a longer transmit queue on the interface.
/// </summary>
public static class TcpTuning
{
    public const long MinBuffer = 4L << 20;
    public const long MaxBuffer = (2L << 30) - 1;

    /// <summary>Bytes of buffer for <paramref name="bitsPerSecond"/> over <paramref name="rtt"/>.</summary>
    public static long BufferBytes(double bitsPerSecond, TimeSpan rtt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bitsPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(rtt, TimeSpan.Zero);
        double bdp = bitsPerSecond / 8 * rtt.TotalSeconds;
        return (long)Math.Clamp(Math.Ceiling(2 * bdp), MinBuffer, MaxBuffer);
    }

    /// <summary>The sysctls for a path, as (key, value): <see cref="Steps"/> and the controller's command planner both use them.</summary>
    /// <param name="bitsPerSecond">The path's bandwidth.</param>
    /// <param name="rtt">The path's round-trip time.</param>
    /// <param name="congestionControl">The congestion control to use (it must be in net.ipv4.tcp_available_congestion_control).</param>
    /// <param name="socketMaximums">Also raise net.core.rmem_max/wmem_max (what explicit SO_RCVBUF/SO_SNDBUF may ask for); a
    /// network namespace other than the host's cannot change them on recent kernels.</param>
    public static IReadOnlyList<(string Key, string Value)> Sysctls(double bitsPerSecond, TimeSpan rtt, string congestionControl = "cubic", bool socketMaximums = true)
    {
        string buffer = BufferBytes(bitsPerSecond, rtt).ToString(CultureInfo.InvariantCulture);
        var settings = new List<(string, string)>();
        if (socketMaximums)
        {
            settings.Add(("net.core.rmem_max", buffer));
            settings.Add(("net.core.wmem_max", buffer));
        }

        settings.Add(("net.ipv4.tcp_rmem", $"4096 131072 {buffer}"));
        settings.Add(("net.ipv4.tcp_wmem", $"4096 16384 {buffer}"));
        settings.Add(("net.ipv4.tcp_congestion_control", congestionControl));
        return settings;
    }

    /// <summary>The transmit queue for the bandwidth: 10,000 from 10 Gbit/s, else the interface's own (null).</summary>
    public static int? TxQueueLength(double bitsPerSecond) => bitsPerSecond >= 10e9 ? 10_000 : null;

    /// <summary><see cref="Sysctls"/> and <see cref="TxQueueLength"/> as host steps on <paramref name="device"/>.</summary>
    public static IReadOnlyList<IHostStep> Steps(double bitsPerSecond, TimeSpan rtt, string device, string congestionControl = "cubic", bool socketMaximums = true)
    {
        var steps = new List<IHostStep>(Sysctls(bitsPerSecond, rtt, congestionControl, socketMaximums).Select(s => new Sysctl(s.Key, s.Value)));
        if (TxQueueLength(bitsPerSecond) is int length)
        {
            steps.Add(LinkSetting.TxQueueLength(device, length));
        }

        return steps;
    }
}
