using NetControl.Core.Topology;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Tests.Support;

namespace NetControl.Simulators.Optical.Tests.Light;

/// <summary>
/// Light is kept up to date incrementally (only the sources a change moves are retraced). After any sequence of
/// changes it must equal what a network built from scratch in the final state computes.
/// </summary>
public sealed class IncrementalLightTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void PowerAtAndAlarms_RandomChanges_EqualAFreshNetworkInTheSameState(int seed)
    {
        var random = new Random(seed);
        var network = Networks.SimulateUslhcnet();
        var links = network.Topology.Links.Where(l => l.A.Port is not null && l.B.Port is not null).Select(l => l.Id).ToList();
        var failedMirrors = new HashSet<(string Switch, string Port)>();
        int applied = 0;

        for (int step = 0; step < 400; step++)
        {
            var sw = network.Switches[random.Next(network.Switches.Count)];
            var ports = sw.Ports;
            switch (random.Next(10))
            {
                case < 5:
                    var kind = random.Next(2) == 0 ? CrossConnectKind.OneWay : CrossConnectKind.TwoWay;
                    if (sw.Connect(new SwitchConnection(ports[random.Next(ports.Length)].Name, ports[random.Next(ports.Length)].Name, kind)).Succeeded)
                    {
                        applied++;
                    }

                    break;
                case < 7 when sw.Connections.Count > 0:
                    var victim = sw.Connections[random.Next(sw.Connections.Count)];
                    Assert.True(sw.Disconnect(new ConnectionRef(victim.From, victim.To, victim.Kind)).Succeeded);
                    applied++;
                    break;
                case 7:
                    string link = links[random.Next(links.Count)];
                    _ = network.Faults.IsCut(link) ? network.Faults.RepairLink(link) : network.Faults.CutLink(link);
                    break;
                case 8:
                    string port = ports[random.Next(ports.Length)].Name;
                    if (failedMirrors.Remove((sw.Name, port)))
                    {
                        sw.Faults.RepairMirror(port);
                    }
                    else
                    {
                        failedMirrors.Add((sw.Name, port));
                        sw.Faults.FailMirror(port);
                    }

                    break;
                default:
                    var host = network.Topology.Nodes.Where(n => n.Kind == NodeKind.Host).ElementAt(random.Next(2));
                    var tx = host.Ports.First(p => p.Direction != PortDirection.Input);
                    network.SetTransmitter(host.Id, tx.Name, random.Next(3) == 0 ? null : -random.Next(0, 6));
                    break;
            }

            if (step % 20 == 19)
            {
                AssertSameAsFresh(network, failedMirrors);
            }
        }

        Assert.True(applied > 50, $"only {applied} cross-connect changes were accepted");
        AssertSameAsFresh(network, failedMirrors);
    }

    private static void AssertSameAsFresh(SimulatedNetwork network, HashSet<(string Switch, string Port)> failedMirrors)
    {
        var fresh = Networks.SimulateUslhcnet();
        foreach (var host in network.Topology.Nodes.Where(n => n.Kind == NodeKind.Host))
        {
            foreach (var port in host.Ports.Where(p => p.Direction != PortDirection.Input))
            {
                var transmitted = network.PowerAt(host.Id, port.Name).Transmitted;
                fresh.SetTransmitter(host.Id, port.Name, transmitted <= network.Options.Light.FloorDbm ? null : transmitted);
            }
        }

        foreach (var sw in network.Switches)
        {
            var twin = fresh.GetSwitch(sw.Name);
            Assert.True(twin.Connect(sw.Connections).Succeeded);
        }

        foreach (var (sw, port) in failedMirrors)
        {
            fresh.GetSwitch(sw).Faults.FailMirror(port);
        }

        foreach (string link in network.Faults.CutLinks)
        {
            fresh.Faults.CutLink(link);
        }

        foreach (var node in network.Topology.Nodes)
        {
            foreach (var port in node.Ports)
            {
                Assert.Equal(fresh.PowerAt(node.Id, port.Name), network.PowerAt(node.Id, port.Name));
            }
        }

        foreach (var sw in network.Switches)
        {
            Assert.Equal(
                fresh.GetSwitch(sw.Name).ActiveAlarms.Select(a => a.Entity),
                sw.ActiveAlarms.Select(a => a.Entity));
        }
    }
}
