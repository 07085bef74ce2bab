using NetControl.Core.Units;

namespace NetControl.Simulators.Network.Bottleneck;

/// <summary>
/// A single FIFO drop-tail bottleneck: each datagram of wire size (UDP payload + <see cref="PerPacketOverheadBytes"/>)
/// is serialised in size·8/<see cref="Capacity"/> seconds after everything queued ahead of it. A datagram is
/// dropped when the bytes still ahead of it plus its own size exceed the queue limit (an empty queue always takes
/// one). The limit is <see cref="QueueLimitBytes"/> if set, else <see cref="QueueLimitTime"/> worth of capacity.
/// </summary>
public sealed record BottleneckSettings
{
    /// <summary>IPv4 (20) + UDP (8) header bytes: what a datagram occupies beyond its payload, excluding layer 2.</summary>
    public const int IPv4UdpOverhead = 28;

    public required DataRate Capacity { get; init; }

    /// <summary>Queue limit in bytes; wins over <see cref="QueueLimitTime"/> when set.</summary>
    public int? QueueLimitBytes { get; init; }

    /// <summary>Queue limit as time at capacity (default 50 ms).</summary>
    public TimeSpan QueueLimitTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Bytes added to each real datagram's payload for serialisation (default IPv4 + UDP headers).</summary>
    public int PerPacketOverheadBytes { get; init; } = IPv4UdpOverhead;

    /// <summary>Cross traffic sharing the queue, if any.</summary>
    public CrossTrafficSettings? CrossTraffic { get; init; }

    /// <summary>Capacity minus the cross-traffic rate (never negative).</summary>
    public DataRate AvailableBandwidth => CrossTraffic is { } cross ? Capacity - cross.Rate : Capacity;

    /// <summary>The effective queue limit in bytes.</summary>
    public double LimitBytes => QueueLimitBytes ?? (QueueLimitTime.TotalSeconds * Capacity.BitsPerSecond / 8);

    internal void Validate(string where)
    {
        if (Capacity.BitsPerSecond <= 0)
        {
            throw new Links.InvalidLinkSettingsException($"{where}: bottleneck capacity must be positive");
        }

        if (QueueLimitBytes is <= 0 || QueueLimitTime <= TimeSpan.Zero || PerPacketOverheadBytes < 0)
        {
            throw new Links.InvalidLinkSettingsException($"{where}: queue limit must be positive and overhead not negative");
        }

        CrossTraffic?.Validate(where);
    }
}
