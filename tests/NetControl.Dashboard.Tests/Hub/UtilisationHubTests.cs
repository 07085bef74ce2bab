using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using NetControl.Controller.Api.Dtos;
using NetControl.Controller.Dashboard;
using NetControl.Dashboard.Tests.Support;
using NetControl.Drivers.Snmp.Monitoring;

namespace NetControl.Dashboard.Tests.Hub;

/// <summary>
/// Measured link utilisation through the hub: what the controller records into its utilisation table (as its SNMP
/// poller does) reaches subscribed clients as <c>utilisation</c> deltas and in the snapshot, through their filters.
/// GVA-GG:10002 is the B end (input) of AMS-GVA-GEANT, 20002 its paired output; GVA-GG:10003 the A end of GVA-NYC-GC.
/// </summary>
public sealed class UtilisationHubTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Subscribe_UtilisationRecorded_DeltaCarriesBothDirectionsAndPercent()
    {
        await using var harness = await HubHarness.StartAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await using var client = await harness.StartClientAsync(HubHarness.ViewerToken, timeout.Token);
        var (connection, deltas) = client;

        var snapshot = await connection.InvokeAsync<DashboardSnapshot>("Subscribe", DashboardFilter.All, timeout.Token);
        harness.Host.Utilisation.Record("GVA-GG", [Rate("10002", inBps: 4e9, outBps: 0), Rate("20002", inBps: 0, outBps: 1.5e9)]);
        var (key, received) = await NextUtilisationAsync(deltas.Reader, timeout.Token);

        Assert.Empty(snapshot.Utilisations);
        Assert.Equal("utilisation:AMS-GVA-GEANT", key);
        Assert.Equal("AMS-GVA-GEANT", received.Link);
        Assert.Equal("AMS-GG:10001", received.A);
        Assert.Equal("GVA-GG:10002", received.B);
        Assert.Equal(4e9, received.AToBBps);
        Assert.Equal(1.5e9, received.BToABps);
        Assert.Equal(10e9, received.CapacityBps);
        Assert.Equal(40, received.Percent);
        Assert.Equal("snmp", received.Source);
    }

    [Fact]
    public async Task Subscribe_AfterUtilisationRecorded_SnapshotHoldsIt()
    {
        await using var harness = await HubHarness.StartAsync();
        harness.Host.Utilisation.Record("GVA-GG", [Rate("10002", inBps: 2e9, outBps: 0)]);
        await using var connection = harness.Connect(HubHarness.ViewerToken);
        using var timeout = new CancellationTokenSource(Limit);
        await connection.StartAsync(timeout.Token);

        var snapshot = await connection.InvokeAsync<DashboardSnapshot>("Subscribe", DashboardFilter.All, timeout.Token);

        var only = Assert.Single(snapshot.Utilisations);
        Assert.Equal("AMS-GVA-GEANT", only.Link);
        Assert.Equal(2e9, only.AToBBps);
        Assert.Null(only.BToABps);
        Assert.Equal(20, only.Percent);
    }

    [Fact]
    public async Task Subscribe_LinkFilterWithUtilisationMetric_OnlyThatLinksUtilisation()
    {
        await using var harness = await HubHarness.StartAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await using var client = await harness.StartClientAsync(HubHarness.ViewerToken, timeout.Token);
        var (connection, deltas) = client;

        await connection.InvokeAsync<DashboardSnapshot>("Subscribe", new DashboardFilter { Links = ["GVA-NYC-GC"], Metrics = ["utilisation"] }, timeout.Token);
        harness.Host.Utilisation.Record("GVA-GG", [Rate("10002", inBps: 4e9, outBps: 0), Rate("10003", inBps: 3e9, outBps: 0)]);
        var batch = await deltas.Reader.ReadAsync(timeout.Token);

        var only = Assert.Single(batch.Updates);
        Assert.Equal("utilisation:GVA-NYC-GC", only.Key);
    }

    [Fact]
    public async Task Subscribe_MetricsWithoutUtilisation_NoUtilisationDeltas()
    {
        await using var harness = await HubHarness.StartAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await using var client = await harness.StartClientAsync(HubHarness.ViewerToken, timeout.Token);
        var (connection, deltas) = client;

        var snapshot = await connection.InvokeAsync<DashboardSnapshot>("Subscribe", new DashboardFilter { Metrics = ["rtt"] }, timeout.Token);
        harness.Host.Utilisation.Record("GVA-GG", [Rate("10002", inBps: 4e9, outBps: 0)]);
        // A link state change after it: once its delta arrives, the utilisation (recorded first) would have too.
        harness.Service.LinkState = harness.Service.LinkState.With("CHI-GVA-QWEST", Core.LinkState.LinkCondition.Down, "cut", DateTimeOffset.UtcNow);
        var kinds = new List<string>();
        while (!kinds.Contains(UpdateKinds.LinkState))
        {
            kinds.AddRange((await deltas.Reader.ReadAsync(timeout.Token)).Updates.Select(u => u.Kind));
        }

        Assert.Empty(snapshot.Utilisations);
        Assert.DoesNotContain(UpdateKinds.Utilisation, kinds);
    }

    private static InterfaceRate Rate(string port, double inBps, double outBps) =>
        new("GVA-GG", port, 1, inBps, outBps, TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow);

    private static async Task<(string? Key, LinkUtilisationDto Data)> NextUtilisationAsync(ChannelReader<DeltaBatch> reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await reader.ReadAsync(cancellationToken);
            foreach (var update in batch.Updates)
            {
                if (update.Kind == UpdateKinds.Utilisation)
                {
                    return (update.Key, JsonSerializer.Deserialize<LinkUtilisationDto>((JsonElement)update.Data, JsonSerializerOptions.Web)!);
                }
            }
        }
    }
}
