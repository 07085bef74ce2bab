namespace NetControl.Core.Devices;

/// <summary>
/// Shares reads of device state among concurrent callers without ever answering with state older than a caller's
/// own earlier commands: at most one read is in flight; callers arriving while it is share the next read, sent
/// when it completes (so after everything those callers sent before asking, on a session that executes in order).
/// A caller alone gets a read of its own at once. Under load, a device is read once per round trip instead of once
/// per caller (a full cross-connect retrieve of a large switch costs both ends milliseconds of parsing).
/// </summary>
/// <typeparam name="T">What a read returns.</typeparam>
public sealed class CoalescedRead<T>(Func<CancellationToken, Task<T>> read)
{
    private readonly Lock _gate = new();
    private Task<T>? _inFlight;
    private TaskCompletionSource<T>? _next;

    /// <summary>Reads, or joins the next read; cancelling stops this caller's wait, not the shared read.</summary>
    public Task<T> ReadAsync(CancellationToken cancellationToken = default)
    {
        Task<T> result;
        bool start = false;
        lock (_gate)
        {
            if (_inFlight is null)
            {
                var own = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight = own.Task;
                result = own.Task;
                start = true;
                _next = own;
            }
            else
            {
                _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                result = _next.Task;
            }
        }

        if (start)
        {
            Launch();
        }

        return cancellationToken.CanBeCanceled ? result.WaitAsync(cancellationToken) : result;
    }

    /// <summary>Sends the read the waiting callers share and, when it ends, the next one if anyone joined meanwhile.</summary>
    private void Launch()
    {
        TaskCompletionSource<T> target;
        lock (_gate)
        {
            target = _next!;
            _next = null;
            _inFlight = target.Task;
        }

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

                bool again;
                lock (_gate)
                {
                    again = _next is not null;
                    if (!again)
                    {
                        _inFlight = null;
                    }
                }

                if (again)
                {
                    Launch();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
