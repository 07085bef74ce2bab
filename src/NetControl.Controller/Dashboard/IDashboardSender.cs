namespace NetControl.Controller.Dashboard;

/// <summary>Delivers a batch to one connected client (the SignalR hub in the controller; a recorder in tests).</summary>
public interface IDashboardSender
{
    Task SendAsync(string connectionId, DeltaBatch batch, CancellationToken cancellationToken);
}
