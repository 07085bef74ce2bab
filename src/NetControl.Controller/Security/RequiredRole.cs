namespace NetControl.Controller.Security;

/// <summary>Endpoint metadata naming the lowest role that may call it (used for the 403 message).</summary>
public sealed record RequiredRole(ApiRole Role);
