using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NetControl.Formats.Yaml;

/// <summary>
/// Passes parser events through, rejecting what could make loading a small file explode: nesting deeper than
/// <see cref="InputLimits.MaxYamlDepth"/> (the representation model recurses) and aliases (each one repeats a
/// whole subtree). Remembers where it is, for errors thrown by later stages.
/// </summary>
internal sealed class YamlGuardedParser(IParser inner) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the last event read started.</summary>
    public Mark Position { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        Position = current.Start;
        switch (current)
        {
            case AnchorAlias alias:
                throw new YamlException(current.Start, current.End, $"alias '*{alias.Value}' is not supported in topology files; write the value out");
            case MappingStart or SequenceStart when ++_depth > InputLimits.MaxYamlDepth:
                throw new YamlException(current.Start, current.End, $"nesting deeper than {InputLimits.MaxYamlDepth} levels");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}
