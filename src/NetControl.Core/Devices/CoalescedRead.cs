namespace NetControl.Core.Devices;

/// <summary>
/// Shares reads of device state among concurrent callers without ever answering with state older than a caller's
/// own earlier commands: up to <c>maxInFlight</c> reads run at once, each for whoever asked while no read was free;
/// callers arriving while all are busy share one next read, sent as soon as one of them completes (so after
/// everything those callers sent before asking, on a session that executes in order). A caller that finds a free
/// read gets it at once, so a background poll never delays a verification. Under load a device is read a few times
/// per round trip instead of once per caller (a full cross-connect retrieve of a large switch costs both ends
/// milliseconds of parsing).
/// </summary>
/// <typeparam name="T">What a read returns.</typeparam>
public sealed class CoalescedRead<T>(Func<CancellationToken, Task<T>> read, int maxInFlight = 2)
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private TaskCompletionSource<T>? _next;

    /// <summary>Reads, or joins the next read; cancelling stops this caller's wait, not the shared read.</summary>
    public Task<T> ReadAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<T>? own = null;
        Task<T> result;
        lock (_gate)
        {
            if (_inFlight < Math.Max(1, maxInFlight))
            {
                _inFlight++;
                own = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                result = own.Task;
            }
            else
            {
                _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                result = _next.Task;
            }
        }

        if (own is not null)
        {
            Launch(own);
        }

        return cancellationToken.CanBeCanceled ? result.WaitAsync(cancellationToken) : result;
    }

    /// <summary>Sends a read for <paramref name="target"/>'s callers; when it ends, sends the shared next one if anyone waits.</summary>
    private void Launch(TaskCompletionSource<T> target)
    {
        Task<T> sent;
        try
        {
            sent = read(CancellationToken.None);
        }
        catch (Exception ex)
        {
            sent = Task.FromException<T>(ex);
        }

        sent.ContinueWith(
            done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    target.TrySetResult(done.Result);
                }
                else if (done.IsCanceled)
                {
                    target.TrySetCanceled();
                }
                else
                {
                    target.TrySetException(done.Exception!.InnerExceptions);
                }

                TaskCompletionSource<T>? next;
                lock (_gate)
                {
                    next = _next;
                    _next = null;
                    if (next is null)
                    {
                        _inFlight--;
                    }
                }

                if (next is not null)
                {
                    Launch(next);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
