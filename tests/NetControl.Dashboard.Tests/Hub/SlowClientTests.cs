using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using NetControl.Controller.Dashboard;
using NetControl.Core.LinkState;
using NetControl.Core.Telemetry;
using NetControl.Dashboard.Tests.Support;

namespace NetControl.Dashboard.Tests.Hub;

/// <summary>A client that stops reading its WebSocket, on real Kestrel: publishing stays fast and other clients stay current.</summary>
public sealed class SlowClientTests
{
    private const int Keys = 5000;
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task Publish_ClientNeverReadsItsSocket_PublisherAndOtherClientAreNotSlowed()
    {
        await using var harness = await HubHarness.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var stuck = await ConnectRawAndStopReadingAsync(harness, timeout.Token);
        await using var good = harness.Connect(HubHarness.ViewerToken);
        var latest = new Dictionary<string, double>(StringComparer.Ordinal);
        var batches = Channel.CreateUnbounded<DeltaBatch>();
        good.On<DeltaBatch>("deltas", b => batches.Writer.TryWrite(b));
        await good.StartAsync(timeout.Token);
        await good.InvokeAsync<DashboardSnapshot>("Subscribe", new DashboardFilter { Kinds = ["quality"] }, timeout.Token);
        var feed = harness.Host.Dashboard;
        await WaitAsync(() => feed.Clients.Count == 2, timeout.Token);
        var factory = new UpdateFactory(new LinkIndex());

        var publishing = Stopwatch.StartNew();
        var slowestPublish = TimeSpan.Zero;
        const int Rounds = 20;
        for (int round = 1; round <= Rounds; round++)
        {
            var roundClock = Stopwatch.StartNew();
            for (int k = 0; k < Keys; k++)
            {
                var quality = new LinkQuality($"padded-link-name-for-a-larger-payload-{k:D5}", DateTimeOffset.UtcNow, 10, round, 0.5, 0, 900, 1000, LinkCondition.Up, "test");
                feed.Publish(factory.Quality(quality, feed.Now()));
            }

            slowestPublish = roundClock.Elapsed > slowestPublish ? roundClock.Elapsed : slowestPublish;
            await Task.Delay(150, timeout.Token);
        }

        publishing.Stop();
        while (latest.Count < Keys || latest.Values.Any(v => v < Rounds))
        {
            var batch = await batches.Reader.ReadAsync(timeout.Token);
            foreach (var update in batch.Updates)
            {
                var payload = System.Text.Json.JsonSerializer.Deserialize<QualityPayload>((System.Text.Json.JsonElement)update.Data, System.Text.Json.JsonSerializerOptions.Web)!;
                latest[payload.Link] = payload.RttMs ?? 0;
            }
        }

        var stalled = feed.Clients.Single(c => c.ConnectionId != good.ConnectionId);
        Assert.True(stalled.SkippedFlushes > 0, "the client that stopped reading was never stalled");
        Assert.True(stalled.Buffer.Pending <= Keys, $"{stalled.Buffer.Pending} pending");
        Assert.True(stalled.Buffer.Coalesced > 0);
        Assert.True(slowestPublish < TimeSpan.FromSeconds(2), $"publishing {Keys} updates took {slowestPublish.TotalMilliseconds:0} ms");
        Assert.Equal(Keys, latest.Count);
        Assert.Equal(WebSocketState.Open, stuck.State);
    }

    /// <summary>Opens the hub over a raw WebSocket, does the SignalR JSON handshake, subscribes, then never reads again.</summary>
    private static async Task<ClientWebSocket> ConnectRawAndStopReadingAsync(HubHarness harness, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(harness.HubUrl) { Scheme = "ws", Query = "access_token=" + HubHarness.ViewerToken }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        await SendAsync(socket, "{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, cancellationToken);
        var buffer = new byte[1024];
        var handshake = await socket.ReceiveAsync(buffer, cancellationToken);
        Assert.Equal("{}" + RecordSeparator, Encoding.UTF8.GetString(buffer, 0, handshake.Count));
        await SendAsync(socket, "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[{}]}" + RecordSeparator, cancellationToken);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task WaitAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
