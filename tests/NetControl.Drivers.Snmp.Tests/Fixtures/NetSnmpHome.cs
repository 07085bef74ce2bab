using System.Diagnostics;

namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// A private temporary folder for one net-snmp process: its configuration search path (so the machine's
/// <c>/etc/snmp</c> and <c>~/.snmp</c> are never read) and its persistent directory (engine boots, localized users),
/// with MIB loading turned off (Debian ships no standard MIBs; the tests use numeric OIDs). Deleted on dispose.
/// </summary>
internal sealed class NetSnmpHome : IDisposable
{
    public NetSnmpHome(string purpose)
    {
        Root = Path.Combine(Path.GetTempPath(), $"netcontrol-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(PersistentDirectory);
    }

    public string Root { get; }

    /// <summary>SNMPCONFPATH: empty unless a caller writes a file there.</summary>
    public string ConfigDirectory => Path.Combine(Root, "conf");

    /// <summary>SNMP_PERSISTENT_DIR.</summary>
    public string PersistentDirectory => Path.Combine(Root, "persist");

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> under <see cref="Root"/> and returns its path.</summary>
    public string WriteFile(string name, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Points <paramref name="start"/> at this home: configuration path, persistent directory, no MIBs.</summary>
    public void Apply(ProcessStartInfo start)
    {
        start.Environment["SNMPCONFPATH"] = ConfigDirectory;
        start.Environment["SNMP_PERSISTENT_DIR"] = PersistentDirectory;
        start.Environment["MIBS"] = string.Empty;
        start.Environment["MIBDIRS"] = ConfigDirectory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file: the temporary folder is left behind.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
