using System.Text;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>Random valid TL1 values (seeded), within what the canonical format can carry.</summary>
internal sealed class Tl1Generator(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Printable ASCII: what quoted lines and comments may hold (the writer escapes quotes and backslashes).</summary>
    private static readonly string Printable = new([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);

    public Random Random { get; } = new(seed);

    public Tl1Command Command()
    {
        string code = string.Join('-', Enumerable.Range(0, Random.Next(1, 4)).Select(_ => Word(Upper + "0123456789", 1, 6)));
        string tid = Random.Next(3) == 0 ? Word(Alnum + "-", 1, 20) : string.Empty;
        string aid = Random.Next(4) == 0 ? string.Empty : Word(Alnum + "&,.->", 1, 30);
        string ctag = Word(Alnum, Random.Next(4) == 0 ? 0 : 1, 6);
        string gb = Random.Next(4) == 0 ? Word(Alnum + "=,", 1, 10) : string.Empty;
        var payload = Enumerable.Range(0, Random.Next(0, 4)).Select(_ => PayloadBlock()).ToList();
        while (payload.Count > 0 && payload[^1].Length == 0)
        {
            payload.RemoveAt(payload.Count - 1);
        }

        return new Tl1Command(code, tid, aid, ctag, gb, [.. payload]);
    }

    public Tl1Message Message() => Random.Next(3) switch
    {
        0 => Response(),
        1 => new Tl1Acknowledgment((Tl1AckCode)Random.Next(6), Word(Alnum, 1, 6)),
        _ => Autonomous(),
    };

    public Tl1Response Response()
    {
        var code = (Tl1CompletionCode)Random.Next(5);
        string? errorCode = code == Tl1CompletionCode.Denied && Random.Next(4) > 0 ? Word(Upper, 4, 4) : null;
        var comments = Enumerable.Range(0, Random.Next(0, 3)).Select(_ => Comment());
        return new Tl1Response(Header(), Word(Alnum, 1, 6), code, errorCode, [.. comments], [.. Lines()], Random.Next(2) == 0);
    }

    public Tl1AutonomousMessage Autonomous()
    {
        string report = "REPT " + string.Join(' ', Enumerable.Range(0, Random.Next(0, 3)).Select(_ => Word(Upper, 2, 5)));
        return new Tl1AutonomousMessage(Header(), (Tl1AlarmCode)Random.Next(4), Random.Next(1, 65536), report.TrimEnd(), [.. Lines()]);
    }

    /// <summary>Noise a Glimmerglass puts between messages: prompts, echoed commands, blank lines.</summary>
    public string Noise() => Random.Next(5) switch
    {
        0 => "<",
        1 => "\r\n<",
        2 => Tl1Writer.ToText(Command()) + "\r\n",
        3 => "\r\n\r\n",
        _ => string.Empty,
    };

    private Tl1Header Header()
    {
        var time = new DateTime(2000, 1, 1).AddSeconds(Random.NextInt64(0, 100L * 365 * 24 * 3600));
        return new Tl1Header(Word(Alnum + "-", 1, 20), time);
    }

    private IEnumerable<string> Lines() => Enumerable.Range(0, Random.Next(0, 5)).Select(_ => Text(0, 80));

    /// <summary>A comment that survives being trimmed and cannot close early.</summary>
    private string Comment() => Text(0, 40).Replace("*/", "*", StringComparison.Ordinal).Trim();

    private string PayloadBlock() => Random.Next(4) switch
    {
        0 => string.Empty,
        1 => Word(Alnum + ",.-", 1, 20),
        2 => Tl1Parameters.Format([new(Word(Upper, 1, 8), Word(Alnum, 0, 8)), new(Word(Upper, 1, 8), Text(1, 20).Trim() + "x")]),
        _ => Word(Upper, 1, 8) + "=\"" + Text(0, 20).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
    };

    private string Text(int min, int max) => Word(Printable, min, max);

    private string Word(string alphabet, int min, int max)
    {
        var builder = new StringBuilder();
        int length = Random.Next(min, max + 1);
        for (int i = 0; i < length; i++)
        {
            builder.Append(alphabet[Random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
