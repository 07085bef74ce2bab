namespace NetControl.Controller.Dashboard;

/// <summary>How the dashboard hub coalesces and buffers updates per client.</summary>
public sealed record DashboardOptions
{
    /// <summary>Path of the SignalR hub (the only path that accepts the token as the <c>access_token</c> query parameter).</summary>
    public const string HubPath = "/dashboard/hub";

    /// <summary>Path under which the page and its assets are served.</summary>
    public const string PagePath = "/dashboard";

    /// <summary>How often buffered updates go out to each client (bursts within one interval are coalesced).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Distinct keyed items (a link's state, a link's quality, a circuit) one client may have pending; more forces a resync.</summary>
    public int MaxPendingKeys { get; init; } = 20_000;

    /// <summary>Log events one client may have pending; older ones are dropped first.</summary>
    public int MaxPendingEvents { get; init; } = 500;

    /// <summary>Recent log events kept for the snapshot of a new client.</summary>
    public int RecentEvents { get; init; } = 200;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values that cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FlushInterval, TimeSpan.Zero, nameof(FlushInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingKeys, 1, nameof(MaxPendingKeys));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingEvents, 1, nameof(MaxPendingEvents));
        ArgumentOutOfRangeException.ThrowIfNegative(RecentEvents, nameof(RecentEvents));
    }
}
