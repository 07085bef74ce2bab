using System.Buffers;

namespace NetControl.Messaging.Tests.Support;

/// <summary>A payload as a two-segment <see cref="ReadOnlySequence{T}"/>, as a network receive may hand it over.</summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Split(byte[] payload, int cut)
    {
        var first = new Segment(payload.AsMemory(0, cut), 0);
        var second = first.Append(payload.AsMemory(cut));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
