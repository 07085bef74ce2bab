using NetControl.Core;

namespace NetControl.Probes.Bandwidth;

/// <summary>A bandwidth probe could not complete: the receiver did not report, or sent something malformed.</summary>
public sealed class BandwidthProbeException : NetControlException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and where (the receiver endpoint, the stream id).</param>
    /// <param name="isTransient">Whether retrying may help (a lost report does; a protocol error does not).</param>
    /// <param name="inner">The underlying error, if any.</param>
    public BandwidthProbeException(string message, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        IsTransient = isTransient;
    }

    /// <inheritdoc />
    public override bool IsTransient { get; }
}
