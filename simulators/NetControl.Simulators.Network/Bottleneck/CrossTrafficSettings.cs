using NetControl.Core.Units;

namespace NetControl.Simulators.Network.Bottleneck;

/// <summary>
/// Virtual cross traffic: packets of <see cref="PacketSize"/> wire bytes arriving at <see cref="Rate"/> into the
/// bottleneck queue, competing with real datagrams for capacity and queue space, but never forwarded anywhere.
/// </summary>
public sealed record CrossTrafficSettings(CrossTrafficKind Kind, DataRate Rate, int PacketSize = 1500)
{
    /// <summary>Poisson cross traffic at <paramref name="rate"/>.</summary>
    public static CrossTrafficSettings Poisson(DataRate rate, int packetSize = 1500) => new(CrossTrafficKind.Poisson, rate, packetSize);

    /// <summary>Constant bit rate cross traffic at <paramref name="rate"/>.</summary>
    public static CrossTrafficSettings ConstantBitRate(DataRate rate, int packetSize = 1500) => new(CrossTrafficKind.ConstantBitRate, rate, packetSize);

    internal void Validate(string where)
    {
        if (PacketSize <= 0)
        {
            throw new Links.InvalidLinkSettingsException($"{where}: cross-traffic packet size must be positive");
        }
    }
}
