namespace NetControl.Messaging.Ingest;

/// <summary>How one summary's sequence number relates to what was seen before from its agent.</summary>
public enum SequenceVerdict
{
    /// <summary>Above everything seen so far (any numbers skipped become missing).</summary>
    New,

    /// <summary>Fills a gap: it was missing and arrived late (a resend after reconnect).</summary>
    Late,

    /// <summary>Seen already (at-least-once redelivery).</summary>
    Duplicate,
}
