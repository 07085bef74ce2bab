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
    public static string ToName(this ApiRole role) => role switch
    {
        ApiRole.Viewer => "viewer",
        ApiRole.Operator => "operator",
        ApiRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    public static bool TryParse(string? text, out ApiRole role)
    {
        role = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "viewer":
                role = ApiRole.Viewer;
                return true;
            case "operator":
                role = ApiRole.Operator;
                return true;
            case "admin":
                role = ApiRole.Admin;
                return true;
            default:
                return false;
        }
    }
}
