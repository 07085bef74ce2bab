using NetControl.Controller.Api.Json;

namespace NetControl.Controller.Security;

/// <summary>What a token may do; each role includes the ones below it.</summary>
public enum ApiRole
{
    /// <summary>Reads everything (GET, event streams).</summary>
    Viewer = 1,

    /// <summary>Also requests, releases, changes, renews and reroutes lightpaths.</summary>
    Operator = 2,

    /// <summary>Also controls restoration (freeze, resume).</summary>
    Admin = 3,
}

/// <summary>Configuration and claim names of <see cref="ApiRole"/>.</summary>
public static class ApiRoleNames
{
    public static string ToName(this ApiRole role) => EnumNames<ApiRole>.Of(role);

    public static bool TryParse(string? text, out ApiRole role) => EnumNames<ApiRole>.TryParse(text, out role);
}
