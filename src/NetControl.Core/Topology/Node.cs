using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace NetControl.Core.Topology;

/// <summary>A node of the topology: a site, a switch, a router, a host or a reflector.</summary>
public sealed record Node
{
    private const int LinearSearchLimit = 16;

    // Keyed by instance (not by record equality) and outside the record's fields, so equality and `with` are unaffected.
    private static readonly ConditionalWeakTable<Node, Dictionary<string, Port>> PortIndex = new();

    public required string Id { get; init; }

    public NodeKind Kind { get; init; } = NodeKind.Site;

    /// <summary>Human name ("CERN", "StarLight"); <see cref="Id"/> when absent.</summary>
    public string? Label { get; init; }

    public GeoCoordinate? Location { get; init; }

    /// <summary>Id of the site node that houses this node, if any.</summary>
    public string? Site { get; init; }

    /// <summary>Device vendor or dialect ("glimmerglass", "calient"), for switches.</summary>
    public string? Vendor { get; init; }

    /// <summary>True for a stub outside the network proper (Topology Zoo "Internal = 0").</summary>
    public bool External { get; init; }

    public ImmutableArray<Port> Ports { get; init; } = [];

    /// <summary>Shared risk groups of the node itself (a building, a power feed).</summary>
    public ImmutableArray<string> Srlgs { get; init; } = [];

    /// <summary>Free-form attributes kept from the source.</summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public string DisplayName => Label ?? Id;

    /// <summary>The first port named <paramref name="name"/>, or null. Constant time on nodes with many ports.</summary>
    public Port? FindPort(string name)
    {
        if (Ports.Length > LinearSearchLimit)
        {
            return PortIndex.GetValue(this, static node => IndexPorts(node.Ports)).GetValueOrDefault(name);
        }

        foreach (var port in Ports)
        {
            if (port.Name == name)
            {
                return port;
            }
        }

        return null;
    }

    /// <summary>
    /// The port that receives what arrives on a fibre attached at <paramref name="port"/>: the port itself, or the
    /// input of its pair when it only transmits (switches with separate input and output fibres, Glimmerglass
    /// 1xxxx/2xxxx). Cross-connects take light in here; loss of light on the fibre shows here.
    /// </summary>
    public string ReceiveSideOf(string port) => FindPort(port) is { Direction: PortDirection.Output, Pair: { } input } ? input : port;

    /// <summary>The port that sends into a fibre attached at <paramref name="port"/>: the port itself, or the output of its pair when it only receives.</summary>
    public string TransmitSideOf(string port) => FindPort(port) is { Direction: PortDirection.Input, Pair: { } output } ? output : port;

    public override string ToString() => Label is null || Label == Id ? Id : $"{Id} ({Label})";

    private static Dictionary<string, Port> IndexPorts(ImmutableArray<Port> ports)
    {
        var index = new Dictionary<string, Port>(ports.Length, StringComparer.Ordinal);
        foreach (var port in ports)
        {
            if (port?.Name is { } name)
            {
                index.TryAdd(name, port);
            }
        }

        return index;
    }
}
