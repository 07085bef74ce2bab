namespace NetControl.Formats.Sndlib;

/// <summary>A number read from an SNDlib file, with its text as written (kept in attributes).</summary>
internal readonly record struct SndlibNumber(double Value, string Text);
