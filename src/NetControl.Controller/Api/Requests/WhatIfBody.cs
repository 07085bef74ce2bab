namespace NetControl.Controller.Api.Requests;

/// <summary>Body of <c>POST /api/v1/paths/what-if</c>.</summary>
public sealed record WhatIfBody
{
    public string? From { get; init; }

    public string? To { get; init; }

    public string? Bandwidth { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    public ConstraintsBody? Constraints { get; init; }
}
