using NetControl.Controller.Hosting;
using NetControl.Controller.Security;
using NetControl.Formats.Configuration;

namespace NetControl.Controller.Configuration;

/// <summary>Reads <c>tokens</c>: API bearer tokens, each with a unique name, a role and its secret (<c>token</c>, <c>tokenFile</c> or <c>tokenEnv</c>).</summary>
internal static class TokenSection
{
    private static readonly string[] Keys = ["name", "role", .. ConfigSecret.Keys("token")];

    public static IReadOnlyList<ApiToken> ReadAll(ConfigMap root, Func<string, string?> environment)
    {
        var tokens = new List<ApiToken>();
        var items = root.Sequence("tokens");
        for (int i = 0; i < items.Count; i++)
        {
            var map = ConfigMap.Open(root.Source, items[i], $"tokens[{i}]", Keys);
            string name = map.RequiredString("name");
            if (tokens.Any(t => t.Name == name))
            {
                throw root.Source.Error(map.Required("name"), map.Child("name"), $"a token named '{name}' is already defined");
            }

            string roleText = map.RequiredString("role");
            if (!ApiRoleNames.TryParse(roleText, out var role))
            {
                throw root.Source.Error(map.Required("role"), map.Child("role"), $"'{roleText}' is not a role (viewer, operator or admin)");
            }

            var (secret, _) = ConfigSecret.Read(map, "token", environment)
                ?? throw root.Source.Error(map.Start, map.Path, "no token: set token, tokenFile or tokenEnv");
            if (tokens.Any(t => t.Token == secret))
            {
                throw root.Source.Error(map.Start, map.Path, $"token '{name}' has the same secret as another token");
            }

            tokens.Add(new ApiToken(secret, name, role));
        }

        return tokens;
    }
}
