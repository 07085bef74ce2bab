namespace NetControl.Simulators.Network.Links;

/// <summary>A link or direction setting is out of range (negative delay, a probability outside [0, 1], zero capacity...).</summary>
public sealed class InvalidLinkSettingsException : NetworkSimulatorException
{
    public InvalidLinkSettingsException(string message)
        : base(message)
    {
    }
}
