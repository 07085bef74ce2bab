using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>The writer's text for any network element message.</summary>
internal static class MessageText
{
    public static string Of(Tl1Message message) => message switch
    {
        Tl1Response r => Tl1Writer.ToText(r),
        Tl1Acknowledgment a => Tl1Writer.ToText(a),
        Tl1AutonomousMessage m => Tl1Writer.ToText(m),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "not a TL1 message"),
    };
}
