using NetControl.Core;

namespace NetControl.Messaging;

/// <summary>Root of the messaging layer's errors (MQTT transport, contracts, journal): what failed and whether a retry may help.</summary>
public class MessagingException : NetControlException
{
    private readonly bool _transient;

    public MessagingException(string message, bool isTransient = false, Exception? inner = null)
        : base(message, inner)
    {
        _transient = isTransient;
    }

    public override bool IsTransient => _transient;
}
