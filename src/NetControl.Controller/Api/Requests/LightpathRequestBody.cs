namespace NetControl.Controller.Api.Requests;

/// <summary>Body of <c>POST /api/v1/lightpaths</c>; values are checked by <see cref="RequestParser"/>.</summary>
public sealed record LightpathRequestBody
{
    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>For example <c>10G</c>.</summary>
    public string? Bandwidth { get; init; }

    /// <summary><c>none</c>, <c>restorable</c> (default) or <c>1+1</c>.</summary>
    public string? Protection { get; init; }

    /// <summary>ISO-8601; absent: now.</summary>
    public string? Start { get; init; }

    /// <summary>ISO-8601; absent: until released.</summary>
    public string? End { get; init; }

    public double? LeaseSeconds { get; init; }

    /// <summary><c>stay</c> (default) or <c>revert</c>.</summary>
    public string? Revert { get; init; }

    public string? Description { get; init; }

    /// <summary>Configure both end hosts through their agents once the path is up (and restore them on release).</summary>
    public bool? ConfigureHosts { get; init; }

    public ConstraintsBody? Constraints { get; init; }
}
