using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NetControl.Controller.Dashboard;

namespace NetControl.Benchmarking.Dashboard;

/// <summary>The baseline: the same hub subscription from the .NET SignalR client, recording each update's delay.</summary>
internal sealed class DotNetClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private ConcurrentQueue<double> _delays = new();
    private ConcurrentQueue<double> _sampleDelays = new();

    private DotNetClient(HubConnection connection) => _connection = connection;

    public static async Task<DotNetClient> ConnectAsync(Uri controller, string token, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(controller, DashboardOptions.HubPath), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var client = new DotNetClient(connection);
        connection.On<DeltaBatch>("deltas", client.OnBatch);
        await connection.StartAsync(cancellationToken).ConfigureAwait(false);
        _ = await connection.InvokeAsync<DashboardSnapshot>("Subscribe", DashboardFilter.All, cancellationToken).ConfigureAwait(false);
        return client;
    }

    public double[] TakeDelays()
    {
        _ = Interlocked.Exchange(ref _sampleDelays, new ConcurrentQueue<double>());
        return [.. Interlocked.Exchange(ref _delays, new ConcurrentQueue<double>())];
    }

    /// <summary>For link-quality updates: receive time minus the end of the measured interval (ms).</summary>
    public double[] TakeSampleDelays()
    {
        _ = Interlocked.Exchange(ref _delays, new ConcurrentQueue<double>());
        return [.. Interlocked.Exchange(ref _sampleDelays, new ConcurrentQueue<double>())];
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnBatch(DeltaBatch batch)
    {
        var received = DateTimeOffset.UtcNow;
        double now = received.ToUnixTimeMilliseconds();
        var delays = _delays;
        var sampleDelays = _sampleDelays;
        foreach (var update in batch.Updates)
        {
            delays.Enqueue(now - update.IngestedAt);
            if (update.Kind == UpdateKinds.Quality && update.Data is JsonElement data)
            {
                sampleDelays.Enqueue((received - data.GetProperty("at").GetDateTimeOffset()).TotalMilliseconds);
            }
        }
    }
}
