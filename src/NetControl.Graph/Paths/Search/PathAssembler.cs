using System.Collections.Immutable;

namespace NetControl.Graph.Paths.Search;

/// <summary>Turns arc sequences into <see cref="NetworkPath"/> values with ids, ports and totals.</summary>
internal static class PathAssembler
{
    public static NetworkPath ToPath(CompiledRequest c, FoundPath found)
    {
        var g = c.Graph;
        var topology = g.Topology;
        var nodes = ImmutableArray.CreateBuilder<string>(found.Arcs.Length + 1);
        var hops = ImmutableArray.CreateBuilder<PathHop>(found.Arcs.Length);
        nodes.Add(topology.Nodes[c.Source].Id);
        double km = 0;
        double latency = 0;
        bool kmKnown = true;
        bool latencyKnown = true;
        foreach (int arc in found.Arcs)
        {
            var link = topology.Links[NetworkGraph.LinkOf(arc)];
            bool forward = (arc & 1) == 0;
            hops.Add(new PathHop(link, forward ? link.A : link.B, forward ? link.B : link.A));
            nodes.Add(topology.Nodes[g.ArcTo(arc)].Id);
            if (link.LengthKm is { } length)
            {
                km += length;
            }
            else
            {
                kmKnown = false;
            }

            if (link.LatencyMs is { } ms)
            {
                latency += ms;
            }
            else
            {
                latencyKnown = false;
            }
        }

        return new NetworkPath
        {
            Nodes = nodes.MoveToImmutable(),
            Hops = hops.MoveToImmutable(),
            Metric = c.Metric,
            Cost = found.Cost,
            LengthKm = kmKnown ? km : null,
            LatencyMs = latencyKnown ? latency : null,
        };
    }
}
