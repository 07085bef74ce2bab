using System.Text;
using NetControl.Core.Topology;

namespace NetControl.Formats;

/// <summary>Reads a topology file's bytes and text within <see cref="InputLimits.MaxTopologyBytes"/>; every failure is one line.</summary>
internal static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] ReadBytes(string path)
    {
        if (Directory.Exists(path))
        {
            throw Fail(path, "is a directory, not a topology file");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > InputLimits.MaxTopologyBytes)
            {
                throw TooLarge(path);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + n > InputLimits.MaxTopologyBytes)
                {
                    throw TooLarge(path);
                }

                buffer.Write(chunk, 0, n);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Fail(path, FileErrors.Describe(e));
        }
    }

    /// <summary>Decodes UTF-8 (or UTF-16 with a byte order mark); invalid bytes are an error, not replacement characters.</summary>
    public static string Decode(byte[] bytes, string? file)
    {
        var (encoding, name, skip) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding)StrictUtf8, "UTF-8", 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", 2),
            _ => (StrictUtf8, "UTF-8", 0),
        };

        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            string at = e.Index >= 0 ? $" (near byte {e.Index + skip})" : string.Empty;
            throw Fail(file, $"is not {name} text{at}");
        }
    }

    /// <summary>True when the first character after a byte order mark and white space is '&lt;': an XML document.</summary>
    public static bool StartsLikeXml(byte[] bytes)
    {
        int i = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < bytes.Length && bytes[i] == (byte)'<';
    }

    public static TopologyException TooLarge(string? file) =>
        Fail(file, $"is larger than the {InputLimits.MaxTopologyBytes / (1024 * 1024)} MiB accepted for a topology file");

    private static TopologyException Fail(string? file, string message) => SourceOrder.Exception(new SourceLocation(file), message);
}
