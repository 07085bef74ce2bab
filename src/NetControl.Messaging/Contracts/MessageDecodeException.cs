namespace NetControl.Messaging.Contracts;

/// <summary>Thrown by the throwing decode variants; carries the <see cref="DecodeError"/>.</summary>
public sealed class MessageDecodeException(DecodeError error, Exception? inner = null)
    : MessagingException(error.ToString(), isTransient: false, inner)
{
    public DecodeError Error { get; } = error;
}
