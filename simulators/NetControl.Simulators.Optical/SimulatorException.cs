using NetControl.Core;

namespace NetControl.Simulators.Optical;

/// <summary>Root of the exceptions of the optical simulator: a topology it cannot simulate, an unknown switch, port or link.</summary>
public class SimulatorException : NetControlException
{
    public SimulatorException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
