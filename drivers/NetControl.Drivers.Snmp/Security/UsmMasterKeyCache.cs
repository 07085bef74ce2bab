using System.Collections.Concurrent;

namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// Master keys (password-to-key output) by protocol and password, because the 1 MiB expansion costs milliseconds and a
/// client localizes the same password for every engine it talks to. Small and process-wide: past
/// <see cref="Capacity"/> entries it starts over. The arrays handed out are shared: read them, never write them.
/// </summary>
internal static class UsmMasterKeyCache
{
    public const int Capacity = 64;

    private static readonly ConcurrentDictionary<(SnmpAuthProtocol Auth, string Password), byte[]> Keys = new();

    public static byte[] Get(SnmpAuthProtocol auth, string password)
    {
        if (Keys.TryGetValue((auth, password), out var key))
        {
            return key;
        }

        key = UsmKeys.PasswordToKey(auth, password);
        if (Keys.Count >= Capacity)
        {
            Keys.Clear();
        }

        return Keys.GetOrAdd((auth, password), key);
    }

    /// <summary>True when the master key of (<paramref name="auth"/>, <paramref name="password"/>) is cached.</summary>
    public static bool Contains(SnmpAuthProtocol auth, string password) => Keys.ContainsKey((auth, password));
}
