namespace NetControl.Simulators.Optical.Model;

/// <summary>The outcome of a cross-connect change: success, or the <see cref="SwitchFailure"/> that refused it (nothing changed).</summary>
public readonly record struct SwitchResult(SwitchFailure? Failure)
{
    public static SwitchResult Success => default;

    public bool Succeeded => Failure is null;

    /// <summary>Throws <see cref="SwitchOperationException"/> when the change was refused.</summary>
    public void ThrowIfFailed(string switchName)
    {
        if (Failure is { } failure)
        {
            throw new SwitchOperationException(switchName, failure);
        }
    }

    public static SwitchResult Fail(SwitchError error, string port, string message) => new(new SwitchFailure(error, port, message));
}
