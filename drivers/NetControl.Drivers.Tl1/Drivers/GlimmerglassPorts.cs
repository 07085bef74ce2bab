using NetControl.Core.Devices;

namespace NetControl.Drivers.Tl1.Drivers;

/// <summary>
/// Glimmerglass port numbering: physical port n has input 10000+n and output 20000+n. A duplex cross-connect
/// from input a to output b also carries input partner(b) to output partner(a).
/// </summary>
internal static class GlimmerglassPorts
{
    public static bool IsInput(string port) => port.Length == 5 && port[0] == '1' && port.All(char.IsAsciiDigit);

    public static bool IsOutput(string port) => port.Length == 5 && port[0] == '2' && port.All(char.IsAsciiDigit);

    /// <summary>The other fibre of the same physical port (10003 &lt;-&gt; 20003).</summary>
    public static string Partner(string port) =>
        IsInput(port) ? "2" + port[1..] : IsOutput(port) ? "1" + port[1..] : throw new ArgumentException($"'{port}' is not a Glimmerglass port (1xxxx input or 2xxxx output)", nameof(port));

    /// <summary>Checks a cross-connect goes from an input port to an output port.</summary>
    public static void Validate(string device, CrossConnect connection)
    {
        if (!IsInput(connection.From) || !IsOutput(connection.To))
        {
            throw new DeviceException(device, $"cross-connect {connection}: Glimmerglass connects an input port (1xxxx) to an output port (2xxxx)", "IIAC");
        }
    }

    /// <summary>The reverse direction of a duplex connection.</summary>
    public static CrossConnect Reverse(CrossConnect c) => new(Partner(c.To), Partner(c.From), c.Duplex);

    /// <summary>A duplex connection named from the end with the lower input port.</summary>
    public static CrossConnect Canonical(CrossConnect c)
    {
        if (!c.Duplex || !IsInput(c.From) || !IsOutput(c.To))
        {
            return c;
        }

        var reverse = Reverse(c);
        return string.CompareOrdinal(reverse.From, c.From) < 0 ? reverse : c;
    }
}
