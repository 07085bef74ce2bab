using Microsoft.AspNetCore.SignalR;

namespace NetControl.Controller.Dashboard;

/// <summary>
/// The dashboard's SignalR hub (viewer role): <see cref="Subscribe"/> answers with a snapshot, after which the client
/// receives <c>deltas</c> messages (<see cref="DeltaBatch"/>) every flush interval while anything changed.
/// </summary>
internal sealed class DashboardHub(DashboardFeed feed, SnapshotBuilder snapshots) : Hub
{
    public const string DeltasMethod = "deltas";

    /// <summary>Subscribes (or re-subscribes with a new filter) and returns the current state through the filter.</summary>
    public DashboardSnapshot Subscribe(DashboardFilter? filter)
    {
        var effective = filter ?? DashboardFilter.All;
        feed.Add(Context.ConnectionId, effective);
        return snapshots.Build(effective);
    }

    /// <summary>A link's retained probe samples, for its charts.</summary>
    public IReadOnlyList<QualityPayload> History(string linkId) => snapshots.History(linkId);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        feed.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
