using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>The outcome of one parsing step: more input needed, a message, or an error; <see cref="Consumed"/> is an offset.</summary>
internal readonly record struct Tl1Step(bool IsDone, long Consumed, Tl1Message? Message, Tl1ParseError? Error)
{
    public static Tl1Step NeedMore { get; } = new(false, 0, null, null);

    public static Tl1Step Done(Tl1Message message, long consumed) => new(true, consumed, message, null);

    public static Tl1Step Failed(Tl1ParseError error, long consumed) => new(true, consumed, null, error);
}
