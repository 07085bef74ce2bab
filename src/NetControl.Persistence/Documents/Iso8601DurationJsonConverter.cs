using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace NetControl.Persistence.Documents;

/// <summary>A <see cref="TimeSpan"/> as an ISO 8601 duration ("PT30M", "P1DT2H0.5S"), exact to the tick.</summary>
public sealed class Iso8601DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected an ISO 8601 duration string, found {reader.TokenType}");
        }

        string text = reader.GetString()!;
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException e)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration", e);
        }
        catch (OverflowException e)
        {
            throw new JsonException($"'{text}' is out of range for a duration", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(XmlConvert.ToString(value));
    }
}
