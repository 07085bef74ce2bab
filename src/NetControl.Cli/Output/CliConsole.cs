using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NetControl.Cli.Output;

/// <summary>Where a command writes: standard output for results, standard error for errors and warnings.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions OneLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>
    /// Writes one JSON document, indented or on one line as its context says. Text is escaped for JSON only, not for
    /// HTML: a message such as
    /// <c>link 'a-z'</c> or an element <c>&lt;edge&gt;</c> reads as written (this goes to a terminal or a pipe).
    /// </summary>
    public void Json<T>(T value, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, type.Options.WriteIndented ? Indented : OneLine))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        Out.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    public void Warning(string message) => Error.WriteLine($"netctl: warning: {message}");

    public void Fail(string message) => Error.WriteLine($"netctl: error: {message}");
}
