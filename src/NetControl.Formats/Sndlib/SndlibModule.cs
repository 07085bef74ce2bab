namespace NetControl.Formats.Sndlib;

/// <summary>A capacity module that may be installed on a link, and its cost.</summary>
internal readonly record struct SndlibModule(SndlibNumber Capacity, SndlibNumber Cost);
