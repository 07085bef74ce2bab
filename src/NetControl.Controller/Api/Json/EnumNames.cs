using System.Collections.Frozen;
using System.Text.Json;

namespace NetControl.Controller.Api.Json;

/// <summary>
/// The kebab-case name of every member of <typeparamref name="TEnum"/>, computed once: the spelling of enums on the
/// wire and in configuration (<c>ProvisioningSucceeded</c> is <c>provisioning-succeeded</c>).
/// </summary>
public static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The name of <paramref name="value"/>; a value outside the enum is an <see cref="ArgumentOutOfRangeException"/>.</summary>
    public static string Of(TEnum value) =>
        Names.TryGetValue(value, out string? name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"unknown {typeof(TEnum).Name}");

    /// <summary>Parses a name, ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? text, out TEnum value)
    {
        if (text is not null && Values.TryGetValue(text.Trim(), out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
