using Microsoft.Extensions.Logging;
using Renci.SshNet.Common;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// Checks the SSH server's host key against the expected SHA-256 fingerprint during key exchange, and
/// remembers what it saw so that a rejection can be reported as such (SSH.NET only says the exchange failed).
/// </summary>
internal sealed class HostKeyVerifier(string? expectedSha256, string where, ILogger logger)
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
        var presented = Normalize(e.FingerPrintSHA256);
        _presented = presented;
        if (_expected is null)
        {
            TransportLog.HostKeyNotVerified(logger, where, e.HostKeyName, presented);
            e.CanTrust = true;
            return;
        }

        e.CanTrust = string.Equals(presented, _expected, StringComparison.Ordinal);
        _rejected = !e.CanTrust;
    }

    /// <summary>Accepts OpenSSH's <c>SHA256:xxxx</c> as well as bare or padded base64.</summary>
    internal static string Normalize(string fingerprint)
    {
        var value = fingerprint.Trim();
        if (value.StartsWith("SHA256:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["SHA256:".Length..];
        }

        return value.TrimEnd('=');
    }
}
