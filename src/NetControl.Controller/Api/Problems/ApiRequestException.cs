namespace NetControl.Controller.Api.Problems;

/// <summary>The request could not be read (bad JSON, a missing field, a bad value): a 400 whose message names the field.</summary>
public sealed class ApiRequestException(string message) : Exception(message);
