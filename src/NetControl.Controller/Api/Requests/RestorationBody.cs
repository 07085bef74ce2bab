namespace NetControl.Controller.Api.Requests;

/// <summary>Body of <c>PUT /api/v1/restoration</c>.</summary>
public sealed record RestorationBody
{
    public bool? Frozen { get; init; }
}
