using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetControl.Formats.Configuration;

/// <summary>
/// The configuration file being loaded: names it in errors (made by <paramref name="error"/>, so each program throws
/// its own typed exception) and resolves relative paths against its directory.
/// </summary>
public sealed class ConfigSource(string name, string baseDirectory, Func<string, Exception?, Exception> error)
{
    public string Name { get; } = name;

    public string BaseDirectory { get; } = baseDirectory;

    /// <summary>An error at <paramref name="mark"/> about the value at <paramref name="path"/>: <c>FILE:LINE:COL: PATH: message</c>.</summary>
    public Exception Error(Mark mark, string path, string message, Exception? inner = null) =>
        error($"{Name}:{mark.Line}:{mark.Column}: {(path.Length > 0 ? path + ": " : string.Empty)}{message}", inner);

    public Exception Error(YamlNode node, string path, string message, Exception? inner = null) => Error(node.Start, path, message, inner);

    /// <summary><paramref name="path"/> made absolute against the configuration file's directory.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, BaseDirectory);
}
