namespace NetControl.Controller.Api.Requests;

/// <summary>Body of <c>PATCH /api/v1/lightpaths/{id}</c>: <c>{ "end": "ISO-8601" }</c>, or <c>null</c> for open-ended (the field must be present).</summary>
public sealed record ChangeEndBody
{
    public string? End { get; init; }
}
