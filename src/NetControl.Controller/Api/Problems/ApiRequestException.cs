namespace NetControl.Controller.Api.Problems;

/// <summary>The request could not be read (bad JSON, a missing field, a bad value): a 400 whose message names the field.</summary>
public sealed class ApiRequestException(string message) : Exception(message);

/// <summary>The caller may not act on this resource (a 403 problem): an operator changing another owner's lightpath.</summary>
public sealed class ApiForbiddenException(string message) : Exception(message);
