using System.Security.Cryptography;
using System.Text;
using NetControl.Controller.Hosting;

namespace NetControl.Controller.Security;

/// <summary>
/// The configured tokens, looked up in constant time: every candidate is compared in full (fixed-length SHA-256
/// digests) so timing says nothing about how much of a token matched or which one.
/// </summary>
internal sealed class TokenTable
{
    private readonly (byte[] Digest, ApiToken Token)[] _tokens;

    public TokenTable(IEnumerable<ApiToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = [.. tokens.Select(t => (Digest(t.Token), t))];
    }

    public ApiToken? Find(string presented)
    {
        byte[] digest = Digest(presented);
        ApiToken? found = null;
        foreach (var (candidate, token) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                found ??= token;
            }
        }

        return found;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
