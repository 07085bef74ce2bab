using NetControl.Controller.Security;

namespace NetControl.Controller.Hosting;

/// <summary>One accepted bearer token: the secret, the principal name it authenticates as, and its role.</summary>
public sealed record ApiToken(string Token, string Name, ApiRole Role)
{
    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"{Name} ({Role.ToName()})";
}
