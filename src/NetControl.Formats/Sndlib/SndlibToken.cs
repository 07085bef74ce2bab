namespace NetControl.Formats.Sndlib;

/// <summary>One token of an SNDlib file with its 1-based line and column.</summary>
internal readonly record struct SndlibToken(SndlibTokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>The token as an error message quotes it.</summary>
    public string Describe() => Kind switch
    {
        SndlibTokenKind.End => "the end of the file",
        SndlibTokenKind.Word => $"'{(Text.Length <= 40 ? Text : string.Concat(Text.AsSpan(0, 37), "..."))}'",
        _ => $"'{Text}'",
    };
}
