using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace NetControl.Controller.Security;

/// <summary>One authorization policy per role: a principal passes when its role is at least the policy's.</summary>
public static class RolePolicies
{
    public static string Name(ApiRole role) => "role:" + role.ToName();

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            options.AddPolicy(Name(role), policy => policy
                .AddAuthenticationSchemes(TokenAuthenticationOptions.Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => HasAtLeast(context.User, role)));
        }
    }

    /// <summary>Requires <paramref name="role"/> (or higher) on the endpoint or group.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, ApiRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Name(role)).WithMetadata(new RequiredRole(role));

    private static bool HasAtLeast(System.Security.Claims.ClaimsPrincipal user, ApiRole role) =>
        ApiRoleNames.TryParse(user.FindFirst(TokenAuthenticationHandler.RoleClaim)?.Value, out var held) && held >= role;
}
