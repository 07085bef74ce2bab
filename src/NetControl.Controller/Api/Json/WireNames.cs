using NetControl.Core.Lightpaths;
using NetControl.Core.LinkState;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Controller.Api.Json;

/// <summary>How enums appear on the wire: kebab-case (<see cref="EnumNames{TEnum}"/>), except protection as <c>none</c>, <c>restorable</c>, <c>1+1</c>.</summary>
public static class WireNames
{
    public const string ProtectionValues = "none, restorable, 1+1";

    public static string Of(Protection protection) => protection switch
    {
        Protection.None => "none",
        Protection.Restorable => "restorable",
        Protection.OnePlusOne => "1+1",
        _ => throw new ArgumentOutOfRangeException(nameof(protection), protection, "unknown protection"),
    };

    public static bool TryParseProtection(string text, out Protection protection)
    {
        protection = default;
        switch (text.Trim().ToLowerInvariant())
        {
            case "none":
                protection = Protection.None;
                return true;
            case "restorable":
                protection = Protection.Restorable;
                return true;
            case "1+1" or "one-plus-one" or "oneplusone":
                protection = Protection.OnePlusOne;
                return true;
            default:
                return false;
        }
    }

    public static bool TryParseRevert(string text, out RevertPolicy revert) => EnumNames<RevertPolicy>.TryParse(text, out revert);

    public static string Of(LightpathState state) => EnumNames<LightpathState>.Of(state);

    public static string Of(LightpathTrigger trigger) => EnumNames<LightpathTrigger>.Of(trigger);

    public static string Of(LinkCondition condition) => EnumNames<LinkCondition>.Of(condition);

    public static string Of(LegRole role) => EnumNames<LegRole>.Of(role);
}
