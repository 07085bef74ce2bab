namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// Where Debian's net-snmp packages put the programs the interop tests run (<c>snmp</c>: the command-line tools,
/// <c>snmpd</c>, <c>snmptrapd</c>), and the one-line failure when one is missing.
/// </summary>
internal static class NetSnmpInstallation
{
    public const string Snmpd = "/usr/sbin/snmpd";

    public const string Snmptrapd = "/usr/sbin/snmptrapd";

    /// <summary>The command-line tools (<c>snmpget</c>, <c>snmpwalk</c>, ...) live here.</summary>
    public const string ToolDirectory = "/usr/bin";

    /// <summary>The full path of <paramref name="program"/>: a tool name (<c>snmpget</c>) or an absolute path.</summary>
    public static string PathOf(string program) => Path.IsPathRooted(program) ? program : Path.Combine(ToolDirectory, program);

    /// <summary>Throws with a one-line message telling to run ./test.sh when <paramref name="program"/> is not installed.</summary>
    public static string Require(string program)
    {
        string path = PathOf(program);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"net-snmp is not installed ({path} is missing): run ./test.sh as root, which installs the snmp, snmpd and snmptrapd packages");
        }

        return path;
    }
}
