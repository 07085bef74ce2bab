namespace NetControl.Controller.Api.Problems;

/// <summary>RFC 7807 problem details as the API writes them.</summary>
public sealed record ProblemDocument(string Type, string Title, int Status, string Detail, string Instance);
