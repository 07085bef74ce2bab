namespace NetControl.Controller.Api.Dtos;

/// <summary>The three what-if candidates.</summary>
public sealed record WhatIfDto(CandidateDto Shortest, CandidateDto FewestHops, CandidateDto DisjointPair);
