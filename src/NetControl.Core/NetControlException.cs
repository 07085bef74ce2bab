namespace NetControl.Core;

/// <summary>
/// Root of every exception NetControl throws on purpose. Each subsystem derives its own root from it,
/// carrying what failed and whether retrying can help.
/// </summary>
public abstract class NetControlException : Exception
{
    protected NetControlException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>True when the same operation may succeed if retried (a timeout, a busy device).</summary>
    public virtual bool IsTransient => false;
}
