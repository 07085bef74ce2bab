namespace NetControl.Messaging.Connection;

/// <summary>Exponential reconnect delay with +-20 % jitter, reset after a successful connect.</summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max)
{
    private int _failures;

    public int Failures => _failures;

    public TimeSpan Next()
    {
        double factor = Math.Pow(2, Math.Min(_failures, 20));
        _failures++;
        double ms = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * factor);
        double jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(Math.Min(max.TotalMilliseconds, ms * jitter));
    }

    public void Reset() => _failures = 0;

    /// <summary>Waits <paramref name="delay"/>; false when <paramref name="stop"/> is requested first.</summary>
    public static async Task<bool> DelayAsync(TimeSpan delay, TimeProvider time, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, time, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Cancels <paramref name="stop"/> and waits for <paramref name="loop"/> (ignoring how it ends); false when it was
    /// already stopped, so the caller disposes once.
    /// </summary>
    public static async Task<bool> StopLoopAsync(CancellationTokenSource stop, Task? loop)
    {
        if (stop.IsCancellationRequested)
        {
            return false;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return true;
    }
}
