namespace NetControl.Drivers.Tl1.Messages;

/// <summary>Completion code of a response (<c>M &lt;ctag&gt; COMPLD</c>...).</summary>
public enum Tl1CompletionCode
{
    /// <summary>COMPLD: done.</summary>
    Completed,

    /// <summary>DENY: refused; an error code follows.</summary>
    Denied,

    /// <summary>PRTL: partly done.</summary>
    Partial,

    /// <summary>DELAY: accepted, executed later.</summary>
    Delayed,

    /// <summary>RTRV: an intermediate part of a long retrieval; the last part is COMPLD.</summary>
    Retrieving,
}
