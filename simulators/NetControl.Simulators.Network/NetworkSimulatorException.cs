using NetControl.Core;

namespace NetControl.Simulators.Network;

/// <summary>Root of the exceptions of the network simulator: an invalid link setting, an unknown link, a failed namespace command.</summary>
public class NetworkSimulatorException : NetControlException
{
    public NetworkSimulatorException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
