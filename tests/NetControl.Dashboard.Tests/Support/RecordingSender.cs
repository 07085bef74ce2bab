using System.Collections.Concurrent;
using NetControl.Controller.Dashboard;

namespace NetControl.Dashboard.Tests.Support;

/// <summary>
/// Records the batches sent to each connection; a connection listed in <see cref="Stalled"/> never completes its send
/// until released (a client whose socket is full).
/// </summary>
internal sealed class RecordingSender : IDashboardSender
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _stalls = new();

    public ConcurrentQueue<(string Connection, DeltaBatch Batch)> Sent { get; } = new();

    public void Stall(string connectionId) => _stalls[connectionId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string connectionId)
    {
        if (_stalls.TryRemove(connectionId, out var stall))
        {
            stall.SetResult();
        }
    }

    public IReadOnlyList<DeltaBatch> To(string connectionId) => [.. Sent.Where(s => s.Connection == connectionId).Select(s => s.Batch)];

    public Task SendAsync(string connectionId, DeltaBatch batch, CancellationToken cancellationToken)
    {
        Sent.Enqueue((connectionId, batch));
        return _stalls.TryGetValue(connectionId, out var stall) ? stall.Task : Task.CompletedTask;
    }
}
