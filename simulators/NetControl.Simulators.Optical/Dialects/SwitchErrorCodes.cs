using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>The TL1 error code of each model refusal.</summary>
internal static class SwitchErrorCodes
{
    public static string Of(SwitchError error) => error switch
    {
        SwitchError.UnknownPort or SwitchError.WrongDirection or SwitchError.SamePort => Tl1ErrorCodes.InvalidAid,
        SwitchError.PortInUse => Tl1ErrorCodes.AlreadyConnected,
        SwitchError.NotConnected => Tl1ErrorCodes.InvalidData,
        SwitchError.PortOutOfService => Tl1ErrorCodes.OperationFailed,
        _ => Tl1ErrorCodes.OperationFailed,
    };
}
