using System.Text;

namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// An SNMPv3 USM user: a name (usmUserName, 1 to 32 octets of UTF-8) and the protocols and passwords that set its
/// security level. Validated when constructed: a protocol other than <c>None</c> needs a password of at least
/// <see cref="MinPasswordLength"/> characters (net-snmp's minimum), and privacy needs authentication (RFC 3414 has no
/// noAuthPriv level). Passwords of a <c>None</c> protocol are ignored. <see cref="ToString"/> never shows a password.
/// </summary>
/// <param name="Name">usmUserName (also the securityName).</param>
/// <param name="Auth">Authentication protocol.</param>
/// <param name="AuthPassword">Authentication password, required unless <paramref name="Auth"/> is <c>None</c>.</param>
/// <param name="Priv">Privacy protocol; anything but <c>None</c> needs authentication.</param>
/// <param name="PrivPassword">Privacy password, required unless <paramref name="Priv"/> is <c>None</c>.</param>
public sealed record UsmUser(string Name, SnmpAuthProtocol Auth, string? AuthPassword, SnmpPrivProtocol Priv, string? PrivPassword)
{
    /// <summary>Longest usmUserName in octets (SnmpAdminString (SIZE(1..32))).</summary>
    public const int MaxNameOctets = 32;

    /// <summary>Shortest password accepted, as net-snmp requires.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>Privacy password (declared here so that every constructed user is validated).</summary>
    public string? PrivPassword { get; init; } = Check(Name, Auth, AuthPassword, Priv, PrivPassword);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="user"/> is not a usable USM user. Construction already
    /// checks; this catches users altered afterwards through <c>with</c>.
    /// </summary>
    public static void Validate(UsmUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Check(user.Name, user.Auth, user.AuthPassword, user.Priv, user.PrivPassword);
    }

    /// <summary>The user and its protocols, never its passwords.</summary>
    public override string ToString() => $"UsmUser {{ Name = {Name}, Auth = {Auth}, Priv = {Priv} }}";

    private static string? Check(string name, SnmpAuthProtocol auth, string? authPassword, SnmpPrivProtocol priv, string? privPassword)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("USM user name must not be empty", nameof(Name));
        }

        if (Encoding.UTF8.GetByteCount(name) > MaxNameOctets)
        {
            throw new ArgumentException($"USM user name '{name}' is longer than {MaxNameOctets} octets", nameof(Name));
        }

        if (!Enum.IsDefined(auth))
        {
            throw new ArgumentException($"USM user '{name}': unknown authentication protocol {(int)auth}", nameof(Auth));
        }

        if (!Enum.IsDefined(priv))
        {
            throw new ArgumentException($"USM user '{name}': unknown privacy protocol {(int)priv}", nameof(Priv));
        }

        if (auth != SnmpAuthProtocol.None && (authPassword is null || authPassword.Length < MinPasswordLength))
        {
            throw new ArgumentException(
                $"USM user '{name}': {auth} needs an authentication password of at least {MinPasswordLength} characters", nameof(AuthPassword));
        }

        if (priv != SnmpPrivProtocol.None && auth == SnmpAuthProtocol.None)
        {
            throw new ArgumentException($"USM user '{name}': privacy ({priv}) needs an authentication protocol", nameof(Priv));
        }

        if (priv != SnmpPrivProtocol.None && (privPassword is null || privPassword.Length < MinPasswordLength))
        {
            throw new ArgumentException(
                $"USM user '{name}': {priv} needs a privacy password of at least {MinPasswordLength} characters", nameof(PrivPassword));
        }

        return privPassword;
    }
}
