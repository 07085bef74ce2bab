using NetControl.Core.Topology;

namespace NetControl.Formats.Sndlib;

/// <summary>A NODES entry: id and optional coordinates (longitude first in the file).</summary>
internal sealed record SndlibNode(string Id, SndlibNumber? Longitude, SndlibNumber? Latitude, SourceLocation At);
