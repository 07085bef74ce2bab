using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NetControl.Controller.Dashboard;
using NetControl.Controller.Tests.Support;
using NetControl.Core.Lightpaths;
using NetControl.Core.LinkState;
using NetControl.Dashboard.Tests.Support;
using NetControl.Orchestration.Lightpaths;
using NetControl.Tests.Shared;

namespace NetControl.Dashboard.Tests.Feed;

public sealed class DashboardPumpTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLightpathService _service = new(TestTopologies.UsLhcNet);
    private readonly DashboardFeed _feed;
    private readonly DashboardSources _sources;

    public DashboardPumpTests()
    {
        _feed = new DashboardFeed(new DashboardOptions(), _time, NullLogger<DashboardFeed>.Instance);
        _sources = new DashboardSources(_feed, _service, null, null, new UpdateFactory(new LinkIndex(_service.Topology)));
    }

    [Fact]
    public async Task ExecuteAsync_BurstWithinOneInterval_SendsOneCoalescedBatchPerInterval()
    {
        var sender = new RecordingSender();
        _feed.Add("c", DashboardFilter.All);
        using var pump = new DashboardPump(_feed, _sources, sender, new DashboardOptions(), _time);
        await pump.StartAsync(default);

        foreach (var condition in new[] { LinkCondition.Down, LinkCondition.Up, LinkCondition.Down })
        {
            _service.LinkState = _service.LinkState.With("AMS-GVA-GEANT", condition, "burst " + condition, _time.GetUtcNow());
        }

        _time.Advance(TimeSpan.FromMilliseconds(99));
        await Task.Delay(50);
        Assert.Empty(sender.Sent);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => !sender.Sent.IsEmpty);

        var batch = Assert.Single(sender.To("c"));
        var link = Assert.Single(batch.Updates, u => u.Kind == UpdateKinds.LinkState);
        Assert.Equal("down", ((LinkStatePayload)link.Data).State);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), link.IngestedAt);
        await pump.StopAsync(default);
    }

    [Fact]
    public void Poll_LinkCut_PublishesItsStateAndAnAlarmEvent()
    {
        var sender = new RecordingSender();
        var client = _feed.Add("c", DashboardFilter.All);
        _service.LinkState = _service.LinkState.With("AMS-GVA-GEANT", LinkCondition.Down, "loss of light", _time.GetUtcNow());

        _sources.Poll();
        _sources.Poll();

        var drained = client.Buffer.Drain()!;
        Assert.Equal(2, drained.Updates.Count);
        Assert.Equal("down", ((LinkStatePayload)drained.Updates[0].Data).State);
        var alarm = (EventPayload)drained.Updates[1].Data;
        Assert.Equal("alarm", alarm.Severity);
        Assert.Contains("AMS-GVA-GEANT down: loss of light", alarm.Text, StringComparison.Ordinal);
        Assert.Contains("AMS", drained.Updates[0].Sites);
    }

    [Fact]
    public async Task Changed_CircuitMovesState_PublishesTheCircuitAndATransitionEvent()
    {
        var client = _feed.Add("c", DashboardFilter.All);
        var created = await _service.RequestAsync(new LightpathRequest { From = "cern-fdt", To = "caltech-fdt" }, "test");
        _ = client.Buffer.Drain();

        _service.Advance(created.Id, LightpathState.Failed, LightpathTrigger.ProvisioningFailed, "switch refused");

        var drained = client.Buffer.Drain()!;
        Assert.Equal(["circuit:" + created.Id, "event"], drained.Updates.Select(u => u.Key ?? u.Kind));
        Assert.Equal("alarm", ((EventPayload)drained.Updates[1].Data).Severity);
        Assert.NotEmpty(drained.Updates[0].Links);
    }
}
