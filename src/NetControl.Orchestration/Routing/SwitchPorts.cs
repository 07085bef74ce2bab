using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.Topology;

namespace NetControl.Orchestration.Routing;

/// <summary>
/// Which port name a cross-connect uses on each side. Links name one port of a physical port; switches with
/// separate input and output fibres (Glimmerglass 1xxxx/2xxxx) pair them, so light enters by the input of the pair
/// and leaves by its output.
/// </summary>
internal static class SwitchPorts
{
    public static string InputOf(Node node, string port) => node.ReceiveSideOf(port);

    public static string OutputOf(Node node, string port) => node.TransmitSideOf(port);

    /// <summary>The port and its pair, as port references.</summary>
    public static IEnumerable<PortRef> Both(Node node, string port)
    {
        yield return new PortRef(node.Id, port);
        if (node.FindPort(port)?.Pair is { } pair)
        {
            yield return new PortRef(node.Id, pair);
        }
    }

    /// <summary>Every port a cross-connect occupies on its switch: both of its ports and their pairs.</summary>
    public static IEnumerable<PortRef> Of(Node node, CrossConnectStep step) =>
        Both(node, step.Connection.From).Concat(Both(node, step.Connection.To));

    /// <summary>True for a port a lightpath can add or drop at: not the receive-only half of a pair.</summary>
    public static bool IsAddDropCandidate(Port port) => port.Direction != PortDirection.Output;
}
