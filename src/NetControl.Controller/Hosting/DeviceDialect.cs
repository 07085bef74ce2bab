namespace NetControl.Controller.Hosting;

/// <summary>The TL1 command set a switch speaks.</summary>
public enum DeviceDialect
{
    Glimmerglass,
    Calient,
}

/// <summary>Configuration names of <see cref="DeviceDialect"/>.</summary>
public static class DeviceDialectNames
{
    public static string ToName(this DeviceDialect dialect) => dialect == DeviceDialect.Glimmerglass ? "glimmerglass" : "calient";

    public static bool TryParse(string? text, out DeviceDialect dialect)
    {
        dialect = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "glimmerglass":
                dialect = DeviceDialect.Glimmerglass;
                return true;
            case "calient":
                dialect = DeviceDialect.Calient;
                return true;
            default:
                return false;
        }
    }
}
