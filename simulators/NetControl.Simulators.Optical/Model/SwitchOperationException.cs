namespace NetControl.Simulators.Optical.Model;

/// <summary>A cross-connect change refused by a switch, thrown by <see cref="SwitchResult.ThrowIfFailed"/>.</summary>
public sealed class SwitchOperationException : SimulatorException
{
    public SwitchOperationException(string switchName, SwitchFailure failure)
        : base($"{switchName}: {failure?.Message}")
    {
        ArgumentNullException.ThrowIfNull(failure);
        Switch = switchName;
        Failure = failure;
    }

    public string Switch { get; }

    public SwitchFailure Failure { get; }
}
