using System.Collections.Immutable;
using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Persistence.Tests.Support;

/// <summary>Records to store: a fully populated one, and its history moved forward.</summary>
internal static class Lightpaths
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, 123, TimeSpan.Zero);

    /// <summary>Everything set: both legs, home, pending removals, lease, an odd bandwidth, non-UTC offsets.</summary>
    public static LightpathRecord Full(string id = "lp-1", long version = 1, int transitions = 4) => new()
    {
        Id = id,
        Owner = "alice@example.org",
        Request = new LightpathRequest
        {
            From = "host-a",
            To = "CHI-PXC:1.3",
            Bandwidth = new DataRate(1_234_567.5),
            Protection = Protection.OnePlusOne,
            Start = T0.AddMinutes(5),
            End = T0.AddHours(3),
            Exclude = ["nyc-chi", "srlg-7"],
            Via = ["DEN-PXC"],
            MaxLatencyMs = 42.125,
            Lease = TimeSpan.FromSeconds(30.5) + TimeSpan.FromTicks(7),
            Revert = RevertPolicy.Revert,
            Description = "transfer \"x\" ünïcode ✓",
        },
        CreatedAt = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1234567),
        State = transitions == 0 ? LightpathState.Requested : History(transitions)[^1].To,
        History = History(transitions),
        Working = Route("NYC-PXC", "CHI-PXC", "w"),
        ProtectionLeg = Route("NYC-PXC", "ATL-PXC", "p"),
        Home = Route("NYC-PXC", "DEN-PXC", "h"),
        ActiveLeg = LegRole.Protection,
        PendingRemovals = [new CrossConnectStep("BOS-PXC", new CrossConnect("1.1", "2.2", Duplex: false))],
        WindowStart = T0.AddMinutes(5),
        WindowEnd = T0.AddHours(3),
        LeaseExpiresAt = T0.AddSeconds(30),
        FailureCause = "fibre cut on nyc-chi",
        Version = version,
    };

    /// <summary>A plausible history: admitted, provisioned, cut, restored, then further transitions to Released.</summary>
    public static ImmutableList<LightpathTransition> History(int count)
    {
        (LightpathState From, LightpathState To, LightpathTrigger Trigger)[] steps =
        [
            (LightpathState.Requested, LightpathState.Provisioning, LightpathTrigger.Admitted),
            (LightpathState.Provisioning, LightpathState.Active, LightpathTrigger.ProvisioningSucceeded),
            (LightpathState.Active, LightpathState.Restoring, LightpathTrigger.LinkFailed),
            (LightpathState.Restoring, LightpathState.Active, LightpathTrigger.RestorationSucceeded),
            (LightpathState.Active, LightpathState.Releasing, LightpathTrigger.ReleaseRequested),
            (LightpathState.Releasing, LightpathState.Released, LightpathTrigger.ReleaseCompleted),
        ];
        return [.. steps.Take(count).Select((s, i) => new LightpathTransition(s.From, s.To, s.Trigger, T0.AddSeconds(i).AddTicks(i + 1), $"step {i}"))];
    }

    /// <summary>The record moved on to <paramref name="transitions"/> steps, at <paramref name="version"/>.</summary>
    public static LightpathRecord WithHistory(LightpathRecord record, int transitions, long version) => record with
    {
        History = History(transitions),
        State = History(transitions)[^1].To,
        Version = version,
    };

    private static CircuitRoute Route(string head, string tail, string tag) => new()
    {
        Nodes = [head, "MID-" + tag, tail],
        Links = [$"{head}-{tag}", $"{tag}-{tail}"],
        Steps =
        [
            new CrossConnectStep(head, new CrossConnect("1.1", $"{tag}.1", Duplex: true)),
            new CrossConnectStep("MID-" + tag, new CrossConnect($"{tag}.2", $"{tag}.3", Duplex: true)),
            new CrossConnectStep(tail, new CrossConnect($"{tag}.4", "1.3", Duplex: false)),
        ],
        Ports = [new PortRef(head, "1.1"), new PortRef(head, $"{tag}.1"), new PortRef(tail, "1.3")],
        LatencyMs = 12.3456789,
        LengthKm = 1234.5,
    };
}
