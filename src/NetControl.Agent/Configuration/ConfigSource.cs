using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetControl.Agent.Configuration;

/// <summary>The file being loaded: names it in errors and resolves relative paths against its directory.</summary>
internal sealed class ConfigSource(string name, string baseDirectory)
{
    public string Name { get; } = name;

    public string BaseDirectory { get; } = baseDirectory;

    /// <summary>An error at <paramref name="mark"/> about the value at <paramref name="path"/>: <c>FILE:LINE:COL: PATH: message</c>.</summary>
    public AgentException Error(Mark mark, string path, string message, Exception? inner = null) =>
        new($"{Name}:{mark.Line}:{mark.Column}: {(path.Length > 0 ? path + ": " : string.Empty)}{message}", inner);

    public AgentException Error(YamlNode node, string path, string message, Exception? inner = null) => Error(node.Start, path, message, inner);

    /// <summary><paramref name="path"/> made absolute against the configuration file's directory.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, BaseDirectory);
}
