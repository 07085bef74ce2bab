namespace NetControl.Controller.Dashboard;

/// <summary>
/// Cuts and repairs fibres in a simulated network (the demo's optical simulator); when configured, the dashboard
/// offers "cut" (operator) and "repair" (admin) on a link. Never set against real switches.
/// </summary>
public interface IFibreFaultInjector
{
    /// <summary>Cuts (<paramref name="repair"/> false) or repairs a link; throws <see cref="FibreFaultException"/> when the simulator refuses.</summary>
    Task InjectAsync(string linkId, bool repair, CancellationToken cancellationToken);
}

/// <summary>The simulator refused or could not be reached; the message says why.</summary>
public sealed class FibreFaultException : Exception
{
    public FibreFaultException()
    {
    }

    public FibreFaultException(string message)
        : base(message)
    {
    }

    public FibreFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
