namespace NetControl.Formats.Sndlib;

/// <summary>What an SNDlib token is.</summary>
internal enum SndlibTokenKind
{
    /// <summary>A run of characters other than white space, parentheses and '#': a name or a number.</summary>
    Word,

    /// <summary>'('.</summary>
    Open,

    /// <summary>')'.</summary>
    Close,

    /// <summary>The end of the text.</summary>
    End,
}
