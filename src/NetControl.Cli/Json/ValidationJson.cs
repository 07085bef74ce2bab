namespace NetControl.Cli.Json;

/// <summary>Output of <c>netctl topology validate --json</c>. On failure only File, Valid and Errors are set.</summary>
public sealed record ValidationJson(
    string File,
    bool Valid,
    string? Format,
    string? Name,
    TopologySummaryJson? Summary,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ErrorLineJson> Errors);

public sealed record TopologySummaryJson(
    int Nodes,
    int Links,
    IReadOnlyDictionary<string, int> NodeKinds,
    int Srlgs,
    int Demands,
    int Components,
    int LargestComponent,
    int LocatedNodes,
    int LinksWithLength,
    int LinksWithCapacity,
    int ParallelLinkPairs,
    int ExternalNodes,
    int SiteContainers);

/// <summary>One error: where (file, line, column or element) and what.</summary>
public sealed record ErrorLineJson(string? File, int? Line, int? Column, string? Element, string Message);
