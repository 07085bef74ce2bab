using System.Buffers;

namespace NetControl.Drivers.Tl1.Codec;

/// <summary>The shape of <see cref="Tl1MessageParser.TryParse"/> and <see cref="Tl1CommandParser.TryParse"/>.</summary>
public delegate bool Tl1TryParse<T>(
    in ReadOnlySequence<byte> buffer,
    out SequencePosition consumed,
    out SequencePosition examined,
    out T? item,
    out Tl1ParseError? error)
    where T : class;
