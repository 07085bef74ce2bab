namespace NetControl.Benchmarking.Probes;

/// <summary>What one ingest run delivered.</summary>
/// <param name="Expected">Summaries the agents enqueued.</param>
/// <param name="Delivered">Summaries handed to the sink (duplicates removed by the subscriber).</param>
/// <param name="Accepted">Samples link state accepted.</param>
/// <param name="Rejected">Samples link state rejected (stale, from the future, invalid).</param>
/// <param name="ReceivedDistinct">Distinct sequence numbers the subscriber's tracker saw.</param>
/// <param name="Missing">Sequence numbers never seen (gaps, and the tail after the highest seen).</param>
/// <param name="Duplicates">Redelivered summaries the subscriber counted and removed.</param>
/// <param name="DroppedByJournal">Summaries the agents' bounded journals dropped.</param>
/// <param name="Complete">Everything reached link state before the time limit.</param>
/// <param name="Seconds">First enqueue to the last summary recorded (or to the time limit).</param>
/// <param name="EnqueueSeconds">First enqueue to the last enqueue returning (journal appends of all agents).</param>
public sealed record IngestRunResult(long Expected, long Delivered, long Accepted, long Rejected, long ReceivedDistinct, long Missing, long Duplicates, long DroppedByJournal, bool Complete, double Seconds, double EnqueueSeconds)
{
    public double PerSecond => Delivered / Seconds;

    public long Lost => Expected - ReceivedDistinct;
}
