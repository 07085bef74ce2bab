using NetControl.Core.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Yaml;

/// <summary>What every part of the YAML reader shares: the file name for locations and the builder collecting errors.</summary>
internal sealed class YamlContext(string? file, TopologyBuilder builder)
{
    private int _ports;

    public TopologyBuilder Builder => builder;

    public static SourceLocation At(string? file, Mark mark) =>
        SourceLocation.InFile(file, (int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    public SourceLocation At(YamlNode node) => At(file, node.Start);

    public void Error(YamlNode node, string message) => builder.Error(At(node), message);

    /// <summary>Counts ports against <see cref="InputLimits.MaxPortsPerTopology"/>; false once the budget is spent.</summary>
    public bool TakePorts(int count)
    {
        if (_ports + count > InputLimits.MaxPortsPerTopology)
        {
            return false;
        }

        _ports += count;
        return true;
    }
}
