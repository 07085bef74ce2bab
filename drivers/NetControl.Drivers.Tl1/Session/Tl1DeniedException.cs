namespace NetControl.Drivers.Tl1.Session;

/// <summary>
/// The device answered DENY (or NA, NG, RL): <see cref="NetControl.Core.Devices.DeviceException.ErrorCode"/> holds the
/// TL1 error code (IIAC, SRAC...), or the acknowledgment code. Transient only for RL, SARB and SDNR (busy, not ready).
/// </summary>
public sealed class Tl1DeniedException : Tl1Exception
{
    public Tl1DeniedException(string device, string command, string errorCode, string? detail)
        : base(device, $"{command} denied: {errorCode}{(string.IsNullOrWhiteSpace(detail) ? string.Empty : $" ({detail})")}", errorCode, IsTransientCode(errorCode))
    {
        Command = command;
    }

    /// <summary>The command code that was denied (ENT-CRS-FIBER...).</summary>
    public string Command { get; }

    private static bool IsTransientCode(string code) => code is "RL" or "SARB" or "SDNR";
}
