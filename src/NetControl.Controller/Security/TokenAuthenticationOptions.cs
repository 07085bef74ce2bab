using Microsoft.AspNetCore.Authentication;

namespace NetControl.Controller.Security;

/// <summary>Options of <see cref="TokenAuthenticationHandler"/> (the tokens come from <see cref="TokenTable"/>).</summary>
public sealed class TokenAuthenticationOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "Bearer";
}
