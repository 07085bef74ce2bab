namespace NetControl.Agent.Hosting;

/// <summary>What an <see cref="AgentHost"/> has done so far (thread-safe reads).</summary>
public sealed class AgentHostCounters
{
    private long _produced;
    private long _enqueued;
    private long _enqueueFailures;
    private long _restarts;
    private long _estimates;
    private long _estimatesFailed;

    /// <summary>Interval summaries the probe sessions produced.</summary>
    public long SummariesProduced => Interlocked.Read(ref _produced);

    /// <summary>Summaries journaled for publishing.</summary>
    public long SummariesEnqueued => Interlocked.Read(ref _enqueued);

    /// <summary>Summaries the journal refused (disk error): produced but never published.</summary>
    public long EnqueueFailures => Interlocked.Read(ref _enqueueFailures);

    /// <summary>Probe sessions restarted after a failure.</summary>
    public long SessionsRestarted => Interlocked.Read(ref _restarts);

    /// <summary>Available-bandwidth estimates that converged (attached to the next summary of their target).</summary>
    public long EstimatesCompleted => Interlocked.Read(ref _estimates);

    /// <summary>Available-bandwidth estimates that failed or did not converge (nothing published).</summary>
    public long EstimatesFailed => Interlocked.Read(ref _estimatesFailed);

    internal void Estimated() => Interlocked.Increment(ref _estimates);

    internal void EstimateFailed() => Interlocked.Increment(ref _estimatesFailed);

    internal void Produced() => Interlocked.Increment(ref _produced);

    internal void Enqueued() => Interlocked.Increment(ref _enqueued);

    internal void EnqueueFailed() => Interlocked.Increment(ref _enqueueFailures);

    internal void Restarted() => Interlocked.Increment(ref _restarts);
}
