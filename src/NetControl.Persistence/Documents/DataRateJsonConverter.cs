using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetControl.Core.Units;

namespace NetControl.Persistence.Documents;

/// <summary>
/// A <see cref="DataRate"/> as a string: the readable form ("10 Gb/s") when it parses back to the same rate, otherwise
/// the exact bit rate ("1234567.5 b/s"), since <see cref="DataRate.ToString"/> keeps only three decimals.
/// </summary>
public sealed class DataRateJsonConverter : JsonConverter<DataRate>
{
    public override DataRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a data rate string, found {reader.TokenType}");
        }

        return DataRate.TryParse(reader.GetString(), out var rate, out string error) ? rate : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, DataRate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        string readable = value.ToString();
        bool exact = DataRate.TryParse(readable, out var parsed, out _) && parsed == value;
        writer.WriteStringValue(exact ? readable : value.BitsPerSecond.ToString("R", CultureInfo.InvariantCulture) + " b/s");
    }
}
