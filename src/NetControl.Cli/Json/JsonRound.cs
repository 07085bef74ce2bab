namespace NetControl.Cli.Json;

/// <summary>Rounds figures for output so sums do not print as 778.8000000000001.</summary>
internal static class JsonRound
{
    public static double R(double value) => Math.Round(value, 6);

    public static double? R(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
