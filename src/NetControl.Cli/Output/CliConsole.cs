using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NetControl.Cli.Output;

/// <summary>Where a command writes: standard output for results, standard error for errors and warnings.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public void Json<T>(T value, JsonTypeInfo<T> type) => Out.WriteLine(JsonSerializer.Serialize(value, type));

    public void Warning(string message) => Error.WriteLine($"netctl: warning: {message}");

    public void Fail(string message) => Error.WriteLine($"netctl: error: {message}");
}
