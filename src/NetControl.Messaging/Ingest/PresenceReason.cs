namespace NetControl.Messaging.Ingest;

/// <summary>Why an agent is considered up or down.</summary>
public enum PresenceReason
{
    /// <summary>It published its retained <c>online</c> status.</summary>
    Online,

    /// <summary>A message arrived from it.</summary>
    Message,

    /// <summary>It said <c>offline</c> (clean stop).</summary>
    Offline,

    /// <summary>The broker published its last will: the connection died without DISCONNECT.</summary>
    LastWill,

    /// <summary>Nothing arrived from it within the silence timeout.</summary>
    Silent,
}
