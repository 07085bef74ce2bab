using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Session;

namespace NetControl.Drivers.Tl1.Drivers;

/// <summary>Reading the quoted lines of a response, <c>AID:NAME=VAL,...</c>.</summary>
internal static class Tl1Lines
{
    /// <summary>The parameters after the AID of a response line.</summary>
    public static Tl1Parameters Parameters(string line)
    {
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        return Tl1Parameters.Parse(colon >= 0 ? line[(colon + 1)..] : line);
    }

    /// <summary>A named value the line must carry; a <see cref="Tl1Exception"/> naming the line otherwise.</summary>
    public static string Required(string device, Tl1Parameters parameters, string name, string line) =>
        parameters[name] ?? throw new Tl1Exception(device, $"response line without {name}: '{line}'");
}
