using System.Collections.Immutable;
using NetControl.Core.Reservations;
using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Core.Tests.Reservations;

/// <summary>
/// Test network: switches S1 and S2 with ports p0..p63 each; link "core" of 10 Gb/s, link "wide" of
/// 100 Gb/s, link "dark" with no known capacity. Times are hours after <see cref="T0"/>.
/// </summary>
internal static class Calendars
{
    public const int PortsPerSwitch = 64;

    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static NetworkTopology Topology { get; } = Build();

    public static ReservationCalendar New() => new(Topology);

    public static DateTimeOffset H(double hours) => T0.AddHours(hours);

    public static TimeWindow W(double from, double? to) => new(H(from), to is { } t ? H(t) : null);

    public static PortRef P(int switchNo, int port) => new($"S{switchNo}", $"p{port}");

    public static LinkDemand Gbps(string link, double gbps) => new(link, DataRate.FromGbps(gbps));

    public static ReservationRequest Request(string owner, TimeWindow window, IEnumerable<PortRef>? ports = null, IEnumerable<LinkDemand>? links = null) =>
        new() { Owner = owner, Window = window, Ports = [.. ports ?? []], Links = [.. links ?? []] };

    private static NetworkTopology Build()
    {
        var b = new TopologyBuilder("reservations");
        ImmutableArray<Port> ports = [.. Enumerable.Range(0, PortsPerSwitch).Select(i => new Port($"p{i}"))];
        b.AddNode(new Node { Id = "S1", Kind = NodeKind.OpticalSwitch, Ports = ports });
        b.AddNode(new Node { Id = "S2", Kind = NodeKind.OpticalSwitch, Ports = ports });
        b.AddNode(new Node { Id = "R", Kind = NodeKind.Router });
        b.AddLink(new Link { Id = "core", A = new LinkEndpoint("S1", "p0"), B = new LinkEndpoint("S2", "p0"), Capacity = DataRate.FromGbps(10) });
        b.AddLink(new Link { Id = "wide", A = new LinkEndpoint("S1"), B = new LinkEndpoint("R"), Capacity = DataRate.FromGbps(100) });
        b.AddLink(new Link { Id = "dark", A = new LinkEndpoint("S2"), B = new LinkEndpoint("R") });
        return b.Build();
    }
}
