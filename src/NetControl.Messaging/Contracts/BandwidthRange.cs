namespace NetControl.Messaging.Contracts;

/// <summary>Available bandwidth estimate as a range, in bit/s (<c>LowBps</c> &lt;= <c>HighBps</c>).</summary>
public sealed record BandwidthRange(long LowBps, long HighBps);
