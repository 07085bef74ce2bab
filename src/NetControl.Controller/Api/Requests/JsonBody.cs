using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NetControl.Controller.Api.Json;
using NetControl.Controller.Api.Problems;

namespace NetControl.Controller.Api.Requests;

/// <summary>Reads a JSON request body; anything unreadable is an <see cref="ApiRequestException"/> naming the field.</summary>
internal static class JsonBody
{
    private const int MaxBytes = 1 << 20;

    public static async Task<T> ReadAsync<T>(HttpContext context)
        where T : class
    {
        var element = await ReadElementAsync(context).ConfigureAwait(false);
        try
        {
            return element.Deserialize<T>(ApiJson.Options) ?? throw new ApiRequestException("the body is null; expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new ApiRequestException(JsonErrors.Describe(ex));
        }
    }

    /// <summary>The body as a JSON object (for bodies where an absent field differs from null).</summary>
    public static async Task<JsonElement> ReadElementAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > MaxBytes)
        {
            throw new ApiRequestException($"the body is larger than {MaxBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new ApiRequestException(ex.BytePositionInLine is long col && ex.LineNumber is long line
                ? $"the body is not valid JSON (line {line + 1}, column {col + 1})"
                : "the body is not valid JSON; expected a JSON object");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ApiRequestException($"the body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; expected a JSON object");
            }

            return document.RootElement.Clone();
        }
    }
}
