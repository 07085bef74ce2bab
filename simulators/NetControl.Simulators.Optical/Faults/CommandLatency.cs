namespace NetControl.Simulators.Optical.Faults;

/// <summary>How long a switch takes to answer a command: <see cref="Fixed"/> plus a uniform draw in [0, <see cref="Jitter"/>).</summary>
public readonly record struct CommandLatency(TimeSpan Fixed, TimeSpan Jitter)
{
    public static CommandLatency None => default;
}
