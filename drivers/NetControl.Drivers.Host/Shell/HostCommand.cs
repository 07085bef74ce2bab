using System.Text;

namespace NetControl.Drivers.Host.Shell;

/// <summary>One program run with its arguments, no shell in between; <see cref="ToString"/> is the exact command line, quoted for a POSIX shell.</summary>
public sealed record HostCommand(IReadOnlyList<string> Argv)
{
    public static HostCommand Of(params string[] argv) => new(argv);

    public override string ToString() => string.Join(' ', Argv.Select(Quote));

    public bool Equals(HostCommand? other) => other is not null && Argv.SequenceEqual(other.Argv);

    public override int GetHashCode() => Argv.Aggregate(0, (h, a) => HashCode.Combine(h, a));

    /// <summary>Quotes <paramref name="word"/> for a POSIX shell when it needs it.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@%+,".Contains(c)))
        {
            return word;
        }

        var quoted = new StringBuilder("'");
        foreach (char c in word)
        {
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }
}
