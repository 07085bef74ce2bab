namespace NetControl.Core.Telemetry;

/// <summary>
/// Live counts of what <see cref="LinkTelemetry"/> accepted and rejected, by reason. Thread-safe; each read is a
/// moment's value (reads of different counters are not one atomic snapshot).
/// </summary>
public sealed class LinkTelemetryCounters
{
    private static readonly int ReasonCount = Enum.GetValues<SampleRejection>().Length;
    private readonly long[] _rejected = new long[ReasonCount];
    private long _accepted;

    /// <summary>Samples accepted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Samples rejected, all reasons together.</summary>
    public long Rejected
    {
        get
        {
            long total = 0;
            for (int i = 1; i < _rejected.Length; i++)
            {
                total += Interlocked.Read(ref _rejected[i]);
            }

            return total;
        }
    }

    /// <summary>Samples rejected for <paramref name="reason"/> (0 for <see cref="SampleRejection.None"/>).</summary>
    public long RejectedFor(SampleRejection reason) =>
        (uint)reason < (uint)_rejected.Length ? Interlocked.Read(ref _rejected[(int)reason]) : 0;

    internal void CountAccepted() => Interlocked.Increment(ref _accepted);

    internal void CountRejected(SampleRejection reason) => Interlocked.Increment(ref _rejected[(int)reason]);
}
