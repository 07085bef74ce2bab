using Renci.SshNet.Common;

namespace NetControl.Drivers.Ssh;

/// <summary>
/// Checks the SSH server's host key against the expected SHA-256 fingerprint during key exchange, and
/// remembers what it saw so that a rejection can be reported as such (SSH.NET only says the exchange failed).
/// With no expected fingerprint every key is accepted and <paramref name="unverified"/> hears of it (host key name,
/// fingerprint), for a warning.
/// </summary>
public sealed class HostKeyVerifier(string? expectedSha256, Action<string, string>? unverified = null)
{
    private readonly string? _expected = expectedSha256 is null ? null : Normalize(expectedSha256);
    private volatile string? _presented;
    private volatile bool _rejected;

    /// <summary>The fingerprint the server presented (unpadded base64, no prefix), or null before key exchange.</summary>
    public string? Presented => _presented;

    /// <summary>True when the server presented a key other than the expected one.</summary>
    public bool Rejected => _rejected;

    public string Expected => _expected ?? "(any)";

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var presented = Normalize(e.FingerPrintSHA256);
        _presented = presented;
        if (_expected is null)
        {
            unverified?.Invoke(e.HostKeyName, presented);
            e.CanTrust = true;
            return;
        }

        e.CanTrust = string.Equals(presented, _expected, StringComparison.Ordinal);
        _rejected = !e.CanTrust;
    }

    /// <summary>Accepts OpenSSH's <c>SHA256:xxxx</c> as well as bare or padded base64.</summary>
    public static string Normalize(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var value = fingerprint.Trim();
        if (value.StartsWith("SHA256:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["SHA256:".Length..];
        }

        return value.TrimEnd('=');
    }
}
