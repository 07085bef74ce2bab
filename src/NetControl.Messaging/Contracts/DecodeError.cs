namespace NetControl.Messaging.Contracts;

/// <summary>
/// A message that could not be decoded, as a value: what was wrong (<see cref="Kind"/>, <see cref="Detail"/>) and
/// where (<see cref="Topic"/>, JSON <see cref="Path"/>, <see cref="BytePosition"/>). <see cref="ToString"/> is one line.
/// </summary>
public sealed record DecodeError(DecodeErrorKind Kind, string Topic, string? Path, long? BytePosition, string Detail)
{
    public override string ToString()
    {
        string where = Path is null ? string.Empty : $" at {Path}";
        string position = BytePosition is { } b ? $" (byte {b})" : string.Empty;
        return $"{Kind} in '{Topic}'{where}{position}: {OneLine(Detail)}";
    }

    internal static string OneLine(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..300] + "...";
    }
}
