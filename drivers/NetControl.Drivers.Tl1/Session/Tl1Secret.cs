using System.Diagnostics.CodeAnalysis;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>
/// A credential (TL1 or SSH password, private key, passphrase) that prints as <c>***</c>: options records holding
/// one keep their compiler-generated <c>ToString</c>, every other member shown, the secret never. A string converts
/// to it implicitly, so options read <c>Password = "x"</c>; <see cref="Reveal"/> is the one way back to the text,
/// for the code that sends it.
/// </summary>
public sealed record Tl1Secret
{
    private readonly string _value;

    public Tl1Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The secret text, for the code that must send it (never for logs).</summary>
    public string Reveal() => _value;

    /// <summary>Always <c>***</c>.</summary>
    public override string ToString() => "***";

    /// <summary>The secret of <paramref name="value"/>; null for null.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static Tl1Secret? FromString(string? value) => value is null ? null : new Tl1Secret(value);

    [return: NotNullIfNotNull(nameof(value))]
    public static implicit operator Tl1Secret?(string? value) => FromString(value);
}
