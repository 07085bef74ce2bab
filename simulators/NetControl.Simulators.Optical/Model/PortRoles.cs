using NetControl.Core.Topology;

namespace NetControl.Simulators.Optical.Model;

/// <summary>What a port can do with light, from its direction.</summary>
internal static class PortRoles
{
    public static bool CanReceive(Port port) => port.Direction is PortDirection.Input or PortDirection.Bidirectional;

    public static bool CanTransmit(Port port) => port.Direction is PortDirection.Output or PortDirection.Bidirectional;

    /// <summary>The ports of the attachment a link lands on: (receive, transmit); null where the attachment lacks that side.</summary>
    public static (string? Receive, string? Transmit) Attachment(Port port) => port.Direction switch
    {
        PortDirection.Input => (port.Name, port.Pair),
        PortDirection.Output => (port.Pair, port.Name),
        _ => (port.Name, port.Name),
    };

    public static string Describe(PortDirection direction) => direction switch
    {
        PortDirection.Input => "an input port",
        PortDirection.Output => "an output port",
        _ => "a bidirectional port",
    };
}
