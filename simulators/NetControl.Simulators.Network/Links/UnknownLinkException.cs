namespace NetControl.Simulators.Network.Links;

/// <summary>An emulated network was asked for a link id it does not hold.</summary>
public sealed class UnknownLinkException : NetworkSimulatorException
{
    public UnknownLinkException(string linkId)
        : base($"emulated network has no link '{linkId}'")
    {
        LinkId = linkId;
    }

    /// <summary>The id that was asked for.</summary>
    public string LinkId { get; }
}
