namespace NetControl.Simulators.Network.Impairments;

/// <summary>The distribution of the extra delay a direction adds to each datagram on top of its base delay.</summary>
public enum JitterKind
{
    /// <summary>No extra delay.</summary>
    None,

    /// <summary>Uniform on [Mean - Deviation, Mean + Deviation].</summary>
    Uniform,

    /// <summary>Normal with the given mean and standard deviation, clamped at zero.</summary>
    Normal,

    /// <summary>Exponential with the given mean (Deviation is ignored).</summary>
    Exponential,
}
