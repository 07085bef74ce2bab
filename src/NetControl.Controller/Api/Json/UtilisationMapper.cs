using NetControl.Controller.Api.Dtos;
using NetControl.Controller.Utilisation;
using NetControl.Core.Topology;

namespace NetControl.Controller.Api.Json;

/// <summary>Measured link utilisation to its API (and dashboard) shape.</summary>
public static class UtilisationMapper
{
    public static LinkUtilisationDto ToDto(this LinkUtilisation u, NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(topology);
        var link = topology.GetLink(u.LinkId);
        return new(u.LinkId, link.A.ToString(), link.B.ToString(), u.At, Round(u.AToBBitsPerSecond), Round(u.BToABitsPerSecond), u.CapacityBitsPerSecond, u.Percent is { } p ? Math.Round(p, 3) : null, "snmp");
    }

    private static double? Round(double? bitsPerSecond) => bitsPerSecond is { } v ? Math.Round(v) : null;
}
