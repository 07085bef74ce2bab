using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NetControl.Controller.Api.Json;

namespace NetControl.Controller.Api.Problems;

/// <summary>Writes <c>application/problem+json</c> bodies: one line of detail, never a stack trace.</summary>
public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static ProblemDocument Create(HttpContext context, ProblemKind kind, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(kind);
        return new ProblemDocument(kind.Type, kind.Title, kind.Status, OneLine(detail), context.Request.Path + context.Request.QueryString);
    }

    public static async Task WriteAsync(HttpContext context, ProblemKind kind, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = Create(context, kind, detail);
        context.Response.StatusCode = kind.Status;
        context.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, ApiJson.Options, context.RequestAborted).ConfigureAwait(false);
    }

    private static string OneLine(string text)
    {
        string line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 1000 ? line : line[..1000] + "...";
    }
}
