using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Core.Tests.Topology;

/// <summary>A small network for tests: site GVA housing switch GG, and routers NYC, CHI, AMS in a ring with a chord.</summary>
internal static class Sample
{
    public static TopologyBuilder Builder()
    {
        var b = new TopologyBuilder("sample") { Description = "test ring", Attribution = "tests", SourceFile = "sample.yaml", SourceFormat = "yaml" };
        b.AddSrlg(new Srlg("atlantic", "transatlantic cable"));
        b.AddNode(new Node { Id = "GVA", Label = "Geneva", Location = new GeoCoordinate(46.2, 6.1) });
        b.AddNode(new Node
        {
            Id = "GG",
            Kind = NodeKind.OpticalSwitch,
            Label = "CERN Glimmerglass",
            Site = "GVA",
            Ports = [new Port("10001", PortDirection.Input, "20001"), new Port("20001", PortDirection.Output, "10001"), new Port("1")],
        });
        b.AddNode(new Node { Id = "NYC", Kind = NodeKind.Router, Label = "New York" });
        b.AddNode(new Node { Id = "CHI", Kind = NodeKind.Router, Label = "Chicago" });
        b.AddNode(new Node { Id = "AMS", Kind = NodeKind.Router, Label = "amsterdam" });
        b.AddLink(new Link { Id = "gg-nyc", A = new LinkEndpoint("GG", "10001"), B = new LinkEndpoint("NYC"), LengthKm = 6200, Srlgs = ["atlantic"], Capacity = DataRate.FromGbps(10) });
        b.AddLink(new Link { Id = "nyc-chi", A = new LinkEndpoint("NYC"), B = new LinkEndpoint("CHI"), LengthKm = 1150 });
        b.AddLink(new Link { Id = "chi-ams", A = new LinkEndpoint("CHI"), B = new LinkEndpoint("AMS"), SpecifiedLatencyMs = 45, Srlgs = ["atlantic"] });
        b.AddLink(new Link { Id = "ams-gg", A = new LinkEndpoint("AMS"), B = new LinkEndpoint("GG", "1"), Admin = AdminState.Down });
        b.AddLink(new Link { Id = "gva-nyc", A = new LinkEndpoint("GVA"), B = new LinkEndpoint("NYC") });
        b.AddDemand(new Demand("d1", "GG", "CHI", 10) { MaxPathLength = 3 });
        b.AddDemand(new Demand("d2", "NYC", "AMS", 2));
        return b;
    }

    public static NetworkTopology Topology() => Builder().Build();
}
