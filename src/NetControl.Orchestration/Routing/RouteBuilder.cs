using System.Collections.Immutable;
using NetControl.Core.Devices;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.Topology;
using NetControl.Graph.Paths;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Orchestration.Routing;

/// <summary>
/// Maps a switch-to-switch path of the graph engine to the cross-connects that carry a lightpath: at every switch,
/// light enters by the port of the arriving fibre (or the add port) and leaves by the port of the next fibre (or the
/// drop port). All cross-connects are duplex.
/// </summary>
public sealed class RouteBuilder(NetworkTopology topology)
{
    /// <summary>The route from <paramref name="from"/> to <paramref name="to"/> over <paramref name="core"/> (null when both ends share a switch).</summary>
    public CircuitRoute Build(ResolvedEndpoint from, NetworkPath? core, ResolvedEndpoint to)
    {
        var steps = ImmutableArray.CreateBuilder<CrossConnectStep>();
        var ports = new List<PortRef>();
        var hops = core?.Hops ?? [];
        if (hops.IsEmpty)
        {
            steps.Add(Step(from.Switch, from.AddPort, to.AddPort, ports));
        }
        else
        {
            steps.Add(Step(from.Switch, from.AddPort, hops[0].From.Port!, ports));
            for (int i = 1; i < hops.Length; i++)
            {
                steps.Add(Step(hops[i].From.Node, hops[i - 1].To.Port!, hops[i].From.Port!, ports));
            }

            steps.Add(Step(to.Switch, hops[^1].To.Port!, to.AddPort, ports));
        }

        var nodes = ImmutableArray.CreateBuilder<string>();
        var links = ImmutableArray.CreateBuilder<string>();
        double latency = core?.LatencyMs ?? 0;
        double length = core?.LengthKm ?? 0;
        if (from.HostPort is { } fromHost)
        {
            nodes.Add(fromHost.Node);
            links.Add(from.Access!.Id);
            ports.Add(fromHost);
            latency += from.Access.LatencyMs ?? 0;
            length += from.Access.LengthKm ?? 0;
        }

        nodes.AddRange(core?.Nodes ?? [from.Switch]);
        links.AddRange(hops.Select(h => h.Link.Id));
        if (to.HostPort is { } toHost)
        {
            nodes.Add(toHost.Node);
            links.Add(to.Access!.Id);
            ports.Add(toHost);
            latency += to.Access.LatencyMs ?? 0;
            length += to.Access.LengthKm ?? 0;
        }

        return new CircuitRoute
        {
            Nodes = nodes.ToImmutable(),
            Links = links.ToImmutable(),
            Steps = steps.ToImmutable(),
            Ports = [.. ports.Distinct()],
            LatencyMs = Math.Round(latency, 6),
            LengthKm = Math.Round(length, 3),
        };
    }

    private CrossConnectStep Step(string device, string inPort, string outPort, List<PortRef> ports)
    {
        var node = topology.GetNode(device);
        ports.AddRange(SwitchPorts.Both(node, inPort));
        ports.AddRange(SwitchPorts.Both(node, outPort));
        return new CrossConnectStep(device, new CrossConnect(SwitchPorts.InputOf(node, inPort), SwitchPorts.OutputOf(node, outPort), Duplex: true));
    }
}
