namespace NetControl.Messaging.StoreAndForward;

/// <summary>An auto-reset signal that remembers one <see cref="Set"/> made while nobody waited.</summary>
internal sealed class AsyncSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set: one pending wake-up is enough.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
