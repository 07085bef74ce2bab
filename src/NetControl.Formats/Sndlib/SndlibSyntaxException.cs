using NetControl.Core.Topology;

namespace NetControl.Formats.Sndlib;

/// <summary>The SNDlib text cannot be read further; internal to the reader, which turns it into a <see cref="TopologyException"/>.</summary>
internal sealed class SndlibSyntaxException(SourceLocation at, string message) : Exception(message)
{
    public SourceLocation At => at;
}
