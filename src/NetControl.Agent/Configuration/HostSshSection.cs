using NetControl.Formats.Configuration;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NetControl.Agent.Configuration;

/// <summary>
/// Reads <c>hostCommands.ssh</c>: <c>host</c>, <c>port</c> (default 22), <c>user</c>, <c>privateKey</c> (a key
/// file, read and checked here; key authentication only), <c>knownHostSha256</c> (the pinned host key, required) and
/// <c>useSudo</c> (default false).
/// </summary>
internal static class HostSshSection
{
    public static readonly string[] Keys = ["host", "port", "user", "privateKey", "knownHostSha256", "useSudo"];

    private const string Prefix = "SHA256:";

    public static HostSshConfig Read(ConfigMap map)
    {
        string host = map.RequiredString("host");
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw map.Source.Error(map.Required("host"), map.Child("host"), $"'{host}' is not a host name or IP address");
        }

        int port = map.OptionalInt("port", 1, 65535) ?? 22;
        string user = map.RequiredString("user");
        string key = map.Source.ResolvePath(map.RequiredString("privateKey"));
        try
        {
            using var check = new PrivateKeyFile(key);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SshException or ArgumentException or FormatException or NotSupportedException or InvalidOperationException)
        {
            throw map.Source.Error(map.Required("privateKey"), map.Child("privateKey"), $"'{key}' is not a readable unencrypted SSH private key: {ex.Message}", ex);
        }

        string pin = map.RequiredString("knownHostSha256");
        if (!IsSha256Fingerprint(pin))
        {
            throw map.Source.Error(map.Required("knownHostSha256"), map.Child("knownHostSha256"), $"'{pin}' is not a SHA-256 host key fingerprint ('SHA256:' and 43 base64 characters, as ssh-keygen -lf prints it)");
        }

        return new HostSshConfig
        {
            Host = host,
            Port = port,
            UserName = user,
            PrivateKeyPath = key,
            KnownHostSha256 = pin,
            UseSudo = map.OptionalBool("useSudo") ?? false,
        };
    }

    /// <summary>OpenSSH's form: <c>SHA256:</c> then the 32-byte digest in unpadded base64 (43 characters).</summary>
    internal static bool IsSha256Fingerprint(string pin)
    {
        if (!pin.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string digest = pin[Prefix.Length..].TrimEnd('=');
        if (digest.Length != 43)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[33];
        return Convert.TryFromBase64String(digest + "=", bytes, out int written) && written == 32;
    }
}
