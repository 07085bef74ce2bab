using NetControl.Drivers.Snmp.Security;

namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>
/// An SNMPv3 user as net-snmp spells it (<c>-a SHA-256 -x AES</c>, <c>createUser</c> lines), usable on both sides
/// of an interop test: <see cref="ToolArguments"/> for the tools, <see cref="CreateUserLine"/> for daemon
/// configuration, <see cref="ToUsmUser"/> for NetControl's own code.
/// </summary>
/// <param name="Name">usmUserName.</param>
/// <param name="AuthProtocol">net-snmp's name of the authentication protocol: <c>SHA</c> or <c>SHA-256</c>.</param>
/// <param name="AuthPassword">Authentication pass phrase (8 characters or more).</param>
/// <param name="PrivProtocol">net-snmp's name of the privacy protocol: <c>AES</c>; null for a user without privacy (authNoPriv at most).</param>
/// <param name="PrivPassword">Privacy pass phrase (8 characters or more); null without privacy.</param>
internal sealed record NetSnmpUser(string Name, string AuthProtocol, string AuthPassword, string? PrivProtocol = null, string? PrivPassword = null)
{
    /// <summary>SHA-1 authentication, AES-128 privacy.</summary>
    public static NetSnmpUser Sha { get; } = new("netctl", "SHA", "netctl-auth-pass", "AES", "netctl-priv-pass");

    /// <summary>SHA-256 authentication (RFC 7860), AES-128 privacy.</summary>
    public static NetSnmpUser Sha256 { get; } = new("netctl256", "SHA-256", "netctl256-auth-pass", "AES", "netctl256-priv-pass");

    /// <summary>SHA-1 authentication, no privacy (authNoPriv).</summary>
    public static NetSnmpUser ShaAuthOnly { get; } = new("netctlauth", "SHA", "netctlauth-auth-pass");

    /// <summary>SHA-256 authentication, no privacy (authNoPriv).</summary>
    public static NetSnmpUser Sha256AuthOnly { get; } = new("netctlauth256", "SHA-256", "netctlauth256-auth-pass");

    /// <summary>True when the user has a privacy protocol (authPriv); false for authNoPriv.</summary>
    public bool HasPrivacy => PrivProtocol is not null;

    /// <summary>The highest level the user supports: <c>authPriv</c> or <c>authNoPriv</c>.</summary>
    public string Level => HasPrivacy ? "authPriv" : "authNoPriv";

    /// <summary>
    /// Tool arguments for this user at <paramref name="level"/> (<c>authPriv</c>, <c>authNoPriv</c> or
    /// <c>noAuthNoPriv</c>): <c>-v3 -l LEVEL -u NAME [-a .. -A ..] [-x .. -X ..]</c>.
    /// </summary>
    public IReadOnlyList<string> ToolArguments(string? level = null)
    {
        level ??= Level;
        var args = new List<string> { "-v3", "-l", level, "-u", Name };
        if (level != "noAuthNoPriv")
        {
            args.AddRange(["-a", AuthProtocol, "-A", AuthPassword]);
        }

        if (level == "authPriv")
        {
            if (!HasPrivacy)
            {
                throw new InvalidOperationException($"{this} has no privacy protocol for authPriv");
            }

            args.AddRange(["-x", PrivProtocol!, "-X", PrivPassword ?? string.Empty]);
        }

        return args;
    }

    /// <summary>The <c>createUser</c> line of snmpd.conf / snmptrapd.conf, bound to <paramref name="engineIdHex"/> when given (<c>-e 0x...</c>).</summary>
    public string CreateUserLine(string? engineIdHex = null) =>
        $"createUser {(engineIdHex is null ? string.Empty : $"-e 0x{engineIdHex} ")}{Name} {AuthProtocol} \"{AuthPassword}\"{(HasPrivacy ? $" {PrivProtocol} \"{PrivPassword}\"" : string.Empty)}";

    /// <summary>The same user for NetControl's USM code.</summary>
    public UsmUser ToUsmUser() => new(
        Name,
        AuthProtocol switch
        {
            "SHA" => SnmpAuthProtocol.HmacSha1,
            "SHA-256" => SnmpAuthProtocol.HmacSha256,
            _ => throw new NotSupportedException($"authentication protocol {AuthProtocol}"),
        },
        AuthPassword,
        PrivProtocol switch
        {
            null => SnmpPrivProtocol.None,
            "AES" => SnmpPrivProtocol.Aes128,
            _ => throw new NotSupportedException($"privacy protocol {PrivProtocol}"),
        },
        PrivPassword);

    /// <summary>The name and protocols, never the pass phrases.</summary>
    public override string ToString() => $"{Name} ({AuthProtocol}/{PrivProtocol ?? "no privacy"})";
}
