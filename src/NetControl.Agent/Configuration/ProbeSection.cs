using NetControl.Formats.Configuration;

namespace NetControl.Agent.Configuration;

/// <summary>Reads probe settings (<c>defaults</c>, or the overrides of one target) over a base.</summary>
internal static class ProbeSection
{
    public static readonly string[] DefaultsKeys = ["intervalMs", "packetSize", "reportingIntervalMs", "tmaxMs", "kernelTimestamps"];

    private const int MaxMs = 3_600_000;

    public static ProbeSettings Read(ConfigMap map, ProbeSettings basis)
    {
        var settings = basis with
        {
            Interval = Ms(map.OptionalInt("intervalMs", 1, MaxMs)) ?? basis.Interval,
            PacketSize = map.OptionalInt("packetSize", 44, 65_507) ?? basis.PacketSize,
            ReportingInterval = Ms(map.OptionalInt("reportingIntervalMs", 1, MaxMs)) ?? basis.ReportingInterval,
            Tmax = Ms(map.OptionalInt("tmaxMs", 1, MaxMs)) ?? basis.Tmax,
            Ssid = map.Has("ssid") ? (ushort)(map.OptionalInt("ssid", 0, ushort.MaxValue) ?? basis.Ssid) : basis.Ssid,
            KernelTimestamps = map.Has("kernelTimestamps") ? map.OptionalBool("kernelTimestamps") ?? basis.KernelTimestamps : basis.KernelTimestamps,
        };
        if (settings.ReportingInterval < settings.Interval)
        {
            // Blame the key this mapping sets (the reporting interval first); a target that sets neither inherits the conflict.
            string? key = map.Node("reportingIntervalMs") is not null ? "reportingIntervalMs" : map.Node("intervalMs") is not null ? "intervalMs" : null;
            throw map.Source.Error(
                key is null ? map.Start : map.Required(key).Start,
                key is null ? map.Path : map.Child(key),
                $"the reporting interval ({settings.ReportingInterval.TotalMilliseconds:0} ms) is shorter than the packet interval ({settings.Interval.TotalMilliseconds:0} ms)");
        }

        return settings;
    }

    private static TimeSpan? Ms(int? value) => value is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
