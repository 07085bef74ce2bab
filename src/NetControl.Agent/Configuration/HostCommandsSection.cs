using System.Security.Cryptography;
using NetControl.Formats.Configuration;

namespace NetControl.Agent.Configuration;

/// <summary>
/// Reads <c>hostCommands</c>: <c>controllerKeys</c> (a list of <c>{id, publicKeyFile}</c>, P-256 PEM),
/// <c>maxLifetimeSeconds</c>, and where the steps run: <c>networkNamespace</c> or <c>ssh</c> (see <see cref="HostSshSection"/>).
/// </summary>
internal static class HostCommandsSection
{
    public static readonly string[] Keys = ["controllerKeys", "maxLifetimeSeconds", "networkNamespace", "ssh"];
    private static readonly string[] KeyKeys = ["id", "publicKeyFile"];

    public static HostCommandsConfig Read(ConfigMap map)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = map.Sequence("controllerKeys");
        if (items.Count == 0)
        {
            throw map.Source.Error(map.Start, map.Child("controllerKeys"), "at least one controller key is required");
        }

        for (int i = 0; i < items.Count; i++)
        {
            var key = ConfigMap.Open(map.Source, items[i], $"{map.Child("controllerKeys")}[{i}]", KeyKeys);
            string id = key.RequiredString("id");
            string path = map.Source.ResolvePath(key.RequiredString("publicKeyFile"));
            string pem;
            try
            {
                pem = File.ReadAllText(path);
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(pem);
                if (ecdsa.KeySize != 256)
                {
                    throw new ArgumentException($"a {ecdsa.KeySize}-bit key, not P-256");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
            {
                throw map.Source.Error(key.Required("publicKeyFile"), key.Child("publicKeyFile"), $"'{path}' is not a readable ECDSA P-256 public key: {ex.Message}", ex);
            }

            if (!keys.TryAdd(id, pem))
            {
                throw map.Source.Error(key.Required("id"), key.Child("id"), $"key id '{id}' is already defined");
            }
        }

        var ssh = map.Node("ssh") is { } node ? HostSshSection.Read(ConfigMap.Open(map.Source, node, map.Child("ssh"), HostSshSection.Keys)) : null;
        if (ssh is not null && map.Has("networkNamespace"))
        {
            throw map.Source.Error(map.Required("networkNamespace"), map.Child("networkNamespace"), "give networkNamespace or ssh, not both (the steps run in one place)");
        }

        return new HostCommandsConfig
        {
            ControllerKeys = keys,
            MaxLifetime = TimeSpan.FromSeconds(map.OptionalInt("maxLifetimeSeconds", 5, 3600) ?? 300),
            NetworkNamespace = map.OptionalString("networkNamespace"),
            Ssh = ssh,
        };
    }
}
