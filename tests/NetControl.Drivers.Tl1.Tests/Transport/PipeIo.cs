using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace NetControl.Drivers.Tl1.Tests.Transport;

/// <summary>Reads and writes whole payloads through a channel's pipes.</summary>
internal static class PipeIo
{
    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>A payload that is not periodic at any small length, so a lost or repeated chunk shows.</summary>
    public static byte[] Pattern(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static async Task WriteAsync(PipeWriter writer, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        const int chunk = 16 * 1024;
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            var flush = await writer.WriteAsync(data.Slice(offset, Math.Min(chunk, data.Length - offset)), cancellationToken);
            Assert.False(flush.IsCompleted, "the channel stopped accepting output");
        }
    }

    public static async Task<byte[]> ReadExactlyAsync(PipeReader reader, int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var take = (int)Math.Min(read.Buffer.Length, count - filled);
            read.Buffer.Slice(0, take).CopyTo(result.AsSpan(filled));
            filled += take;
            reader.AdvanceTo(read.Buffer.GetPosition(take));
            if (filled < count && read.IsCompleted)
            {
                throw new EndOfStreamException($"the channel ended after {filled} of {count} bytes");
            }
        }

        return result;
    }

    /// <summary>Reads until the channel's input completes; fails the test if it never does.</summary>
    public static async Task<byte[]> ReadToEndAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        var all = new MemoryStream();
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            foreach (var segment in read.Buffer)
            {
                all.Write(segment.Span);
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return all.ToArray();
            }
        }
    }
}
