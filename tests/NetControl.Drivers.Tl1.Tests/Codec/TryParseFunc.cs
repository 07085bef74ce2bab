using System.Buffers;
using NetControl.Drivers.Tl1.Codec;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>One parser's TryParse, whatever it returns.</summary>
internal delegate bool TryParseFunc<T>(
    in ReadOnlySequence<byte> buffer, out SequencePosition consumed, out SequencePosition examined, out T? item, out Tl1ParseError? error)
    where T : class;
