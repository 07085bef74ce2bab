using Microsoft.AspNetCore.SignalR;

namespace NetControl.Controller.Dashboard;

/// <summary>Sends batches through the hub context to one connection.</summary>
internal sealed class HubDashboardSender(IHubContext<DashboardHub> hub) : IDashboardSender
{
    public Task SendAsync(string connectionId, DeltaBatch batch, CancellationToken cancellationToken) =>
        hub.Clients.Client(connectionId).SendAsync(DashboardHub.DeltasMethod, batch, cancellationToken);
}
