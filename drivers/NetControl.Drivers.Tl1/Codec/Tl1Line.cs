namespace NetControl.Drivers.Tl1.Codec;

/// <summary>
/// One line of parser input: bytes <see cref="Start"/> to <see cref="End"/> (offsets into the buffer, the line feed
/// excluded) decoded one character a byte, so offsets into <see cref="Text"/> are byte offsets too. A line without its
/// line feed yet is not <see cref="Complete"/>.
/// </summary>
internal readonly record struct Tl1Line(long Start, long End, bool Complete, string Text)
{
    /// <summary>Where the next line starts (past the line feed).</summary>
    public long Next => End + 1;

    /// <summary>The offset of the first character that is not whitespace (CR counts as whitespace), or the length.</summary>
    public int FirstNonBlank() => Tl1LineSyntax.SkipBlanks(Text, 0);

    /// <summary>True when the line holds only whitespace.</summary>
    public bool IsBlank => FirstNonBlank() == Text.Length;
}
