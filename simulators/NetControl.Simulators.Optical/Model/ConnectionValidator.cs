using NetControl.Core.Topology;
using NetControl.Simulators.Optical.Light;

namespace NetControl.Simulators.Optical.Model;

/// <summary>
/// Checks cross-connect changes against a switch's ports and connections, all or nothing, and puts port names in the
/// switch's own spelling. Each side of a port (receive, transmit) carries at most one connection.
/// </summary>
internal static class ConnectionValidator
{
    /// <param name="existing">The connection holding a side of a port now, if any (the switch keeps them indexed).</param>
    public static SwitchResult ValidateConnect(
        OpticalSwitch sw,
        IReadOnlyDictionary<(string Port, PortSide Side), SwitchConnection> existing,
        IReadOnlyList<SwitchConnection> requests,
        List<SwitchConnection> accepted)
    {
        // Sides taken by earlier requests of this call.
        var used = new Dictionary<(string, PortSide), SwitchConnection>();

        foreach (var request in requests)
        {
            var result = Resolve(sw, request.From, out var from);
            if (!result.Succeeded)
            {
                return result;
            }

            result = Resolve(sw, request.To, out var to);
            if (!result.Succeeded)
            {
                return result;
            }

            if (from.Name == to.Name)
            {
                return SwitchResult.Fail(SwitchError.SamePort, from.Name, $"{sw.Name}: a connection from port {from.Name} to itself");
            }

            foreach (var port in new[] { from, to })
            {
                if (port.Admin == AdminState.Down)
                {
                    return SwitchResult.Fail(SwitchError.PortOutOfService, port.Name, $"{sw.Name}: port {port.Name} is out of service");
                }
            }

            result = CheckDirections(sw, request.Kind, from, to);
            if (!result.Succeeded)
            {
                return result;
            }

            var connection = request with { From = from.Name, To = to.Name };
            foreach (var (port, side) in Sides(connection))
            {
                if ((used.GetValueOrDefault((port, side)) ?? existing.GetValueOrDefault((port, side))) is { } holder)
                {
                    return SwitchResult.Fail(SwitchError.PortInUse, port, $"{sw.Name}: port {port} is already connected ({holder.Label})");
                }
            }

            Claim(used, connection);
            accepted.Add(connection);
        }

        return SwitchResult.Success;
    }

    public static SwitchResult ValidateDisconnect(
        OpticalSwitch sw,
        IReadOnlyList<SwitchConnection> existing,
        IReadOnlyList<ConnectionRef> requests,
        List<SwitchConnection> matched)
    {
        foreach (var request in requests)
        {
            var result = Resolve(sw, request.From, out var from);
            if (!result.Succeeded)
            {
                return result;
            }

            string? toName = null;
            if (request.To is not null)
            {
                result = Resolve(sw, request.To, out var to);
                if (!result.Succeeded)
                {
                    return result;
                }

                toName = to.Name;
            }
            else if (!PortRoles.CanReceive(from))
            {
                return SwitchResult.Fail(SwitchError.WrongDirection, from.Name, $"{sw.Name}: port {from.Name} is {PortRoles.Describe(from.Direction)}; name a connection by the port light enters");
            }

            var named = request with { From = from.Name, To = toName };
            var found = existing.FirstOrDefault(c => named.Matches(c) && !matched.Contains(c));
            if (found is null)
            {
                return SwitchResult.Fail(SwitchError.NotConnected, from.Name, $"{sw.Name}: no connection {named}");
            }

            matched.Add(found);
        }

        return SwitchResult.Success;
    }

    /// <summary>The port sides a connection occupies.</summary>
    public static IEnumerable<(string Port, PortSide Side)> Sides(SwitchConnection c)
    {
        yield return (c.From, PortSide.Receive);
        yield return (c.To, PortSide.Transmit);
        if (c.Kind == CrossConnectKind.TwoWay)
        {
            yield return (c.To, PortSide.Receive);
            yield return (c.From, PortSide.Transmit);
        }
    }

    /// <summary>Records the sides <paramref name="c"/> occupies in <paramref name="used"/>.</summary>
    public static void Claim(Dictionary<(string, PortSide), SwitchConnection> used, SwitchConnection c)
    {
        foreach (var side in Sides(c))
        {
            used[side] = c;
        }
    }

    private static SwitchResult Resolve(OpticalSwitch sw, string name, out Port port)
    {
        port = sw.FindPort(name)!;
        return port is null
            ? SwitchResult.Fail(SwitchError.UnknownPort, name, $"{sw.Name}: no port '{name}'")
            : SwitchResult.Success;
    }

    private static SwitchResult CheckDirections(OpticalSwitch sw, CrossConnectKind kind, Port from, Port to)
    {
        if (kind == CrossConnectKind.TwoWay)
        {
            foreach (var port in new[] { from, to })
            {
                if (port.Direction != PortDirection.Bidirectional)
                {
                    return SwitchResult.Fail(SwitchError.WrongDirection, port.Name, $"{sw.Name}: a two-way connection needs bidirectional ports; {port.Name} is {PortRoles.Describe(port.Direction)}");
                }
            }

            return SwitchResult.Success;
        }

        if (!PortRoles.CanReceive(from))
        {
            return SwitchResult.Fail(SwitchError.WrongDirection, from.Name, $"{sw.Name}: light cannot enter by {from.Name}, {PortRoles.Describe(from.Direction)}");
        }

        if (!PortRoles.CanTransmit(to))
        {
            return SwitchResult.Fail(SwitchError.WrongDirection, to.Name, $"{sw.Name}: light cannot leave by {to.Name}, {PortRoles.Describe(to.Direction)}");
        }

        return SwitchResult.Success;
    }
}
