using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Alarms;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>
/// Calient PXC / DiamondWave: bidirectional ports, named 1WAY (<c>src&gt;dst</c>) and 2WAY (<c>src-dst</c>)
/// connections, autonomous <c>REPT ALM</c> on loss of light, and the login quirk of
/// <see cref="Faults.SwitchFaults.LoginQuirkWindow"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>ENT-CRS::src,dst:ctag::[GRPNAME],{1WAY|2WAY}[,CONNNAME]</c>, or the named form
/// <c>GRPNAME=..,CONNTYPE=..,CONNNAME=..</c>; <c>&amp;</c> lists pair by position.</item>
/// <item><c>DLT-CRS:::ctag::src-dst</c> (2WAY, from either end) or <c>src&gt;dst</c> (1WAY), <c>&amp;</c>-joined; or
/// <c>DLT-CRS::src,dst:ctag</c> for either kind.</item>
/// <item><c>RTRV-CRS[::port]:ctag[::GRPNAME,CONNNAME]</c>: OC is <c>OK</c> when light arrives at every source port
/// of the connection and passes, <c>LOS</c> when a source port receives no light, <c>FLT</c> (unverified) when a
/// mirror is failed; OS is <c>IS</c> with OC=OK, else <c>OOS</c>; AL is <c>CR</c> while a LOS alarm stands on
/// either port, else <c>CL</c>.</item>
/// <item><c>RTRV-DET-EQPT::port|ALL</c>: <c>port:INOPTICALPOWER=..,OUTOPTICALPOWERWORKING=..</c> in dBm.</item>
/// <item><c>RTRV-ALM-ALL</c>: the standing LOS alarms; <c>INH-MSG-ALL</c> / <c>ALW-MSG-ALL</c> per session.</item>
/// </list>
/// </remarks>
internal sealed class CalientDialect(OpticalSwitch sw, Tl1AgentOptions options) : Tl1DialectBase(sw, options)
{
    public override SwitchDialect Kind => SwitchDialect.Calient;

    protected override DialectReply? BeforeCommand(Tl1AgentSession session)
    {
        if (session.TakeFirstCommandAfterLogin(out var loggedInAt)
            && Switch.Faults.LoginQuirkWindow is { } window
            && Now - loggedInAt < window)
        {
            return DialectReply.Deny(Tl1ErrorCodes.LoginNotActive, "login not active");
        }

        return null;
    }

    protected override DialectReply? ExecuteCommand(Tl1AgentSession session, string code, Tl1Command command)
    {
        switch (code)
        {
            case "ENT-CRS":
                return Enter(command);
            case "DLT-CRS":
                return Delete(command);
            case "RTRV-CRS":
                return Retrieve(command);
            case "RTRV-DET-EQPT":
                return RetrievePower(command.Aid);
            case "RTRV-ALM-ALL":
                return DialectReply.Completed(Switch.Snapshot().Alarms.Select(Tl1AlarmLine.Format));
            case "INH-MSG-ALL":
                session.SetInhibited(true);
                return DialectReply.Completed();
            case "ALW-MSG-ALL":
                session.SetInhibited(false);
                return DialectReply.Completed();
            default:
                return null;
        }
    }

    private DialectReply Enter(Tl1Command command)
    {
        string aid = command.Aid.Trim();
        if (aid.Length == 0)
        {
            return DialectReply.Deny(Tl1ErrorCodes.MissingBlock, "ENT-CRS needs <src>,<dst> in the AID block");
        }

        string[] parts = aid.Split(',');
        if (parts.Length != 2 || ExpandAids(parts[0]) is not { } sources || ExpandAids(parts[1]) is not { } destinations)
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"expected <src>,<dst>, got '{aid}'");
        }

        if (sources.Count != destinations.Count)
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"{sources.Count} source ports but {destinations.Count} destination ports");
        }

        if (command.PayloadAt(0).Trim().Length == 0)
        {
            return DialectReply.Deny(Tl1ErrorCodes.MissingBlock, "ENT-CRS needs [GRPNAME],{1WAY|2WAY}[,CONNNAME] in the payload");
        }

        if (ParseEntry(Tl1Parameters.Parse(command.PayloadAt(0)), out var kind, out string group, out string name) is { } error)
        {
            return error;
        }

        return Reply(Switch.Connect([.. sources.Select((src, i) => new SwitchConnection(src, destinations[i], kind, group, name))]));
    }

    private DialectReply Delete(Tl1Command command)
    {
        string names = command.PayloadAt(0).Trim();
        string aid = command.Aid.Trim();
        var refs = new List<ConnectionRef>();
        if (names.Length > 0)
        {
            foreach (string item in names.Split('&'))
            {
                if (ParseName(item.Trim()) is not { } named)
                {
                    return DialectReply.Deny(Tl1ErrorCodes.InvalidParameter, $"'{item}' is not a connection name (src-dst or src>dst)");
                }

                refs.Add(named);
            }
        }
        else if (aid.Length > 0)
        {
            string[] parts = aid.Split(',');
            if (parts.Length != 2 || ExpandAids(parts[0]) is not { } sources || ExpandAids(parts[1]) is not { } destinations || sources.Count != destinations.Count)
            {
                return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"expected <src>,<dst>, got '{aid}'");
            }

            refs.AddRange(sources.Select((src, i) => new ConnectionRef(src, destinations[i])));
        }
        else
        {
            return DialectReply.Deny(Tl1ErrorCodes.MissingBlock, "DLT-CRS needs a connection name (src-dst or src>dst) in the payload");
        }

        return Reply(Switch.Disconnect(refs));
    }

    private DialectReply Retrieve(Tl1Command command)
    {
        string? port = null;
        if (!IsAll(command.Aid.Trim()))
        {
            if (Switch.FindPort(command.Aid.Trim()) is not { } found)
            {
                return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"{Switch.Name}: no port '{command.Aid}'");
            }

            port = found.Name;
        }

        var filter = Tl1Parameters.Parse(command.PayloadAt(0));
        if (UnknownParameter(filter, "GRPNAME", "CONNNAME") is { } unknown)
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidParameter, $"unknown parameter {unknown}");
        }

        string group = NamedOrPositional(filter, "GRPNAME", 0);
        string name = NamedOrPositional(filter, "CONNNAME", 1);
        var snapshot = port is null ? Switch.Snapshot() : Switch.Snapshot([port]);
        return DialectReply.Completed(snapshot.Connections
            .Where(c => port is null || c.From == port || c.To == port)
            .Where(c => group.Length == 0 || c.Group == group)
            .Where(c => name.Length == 0 || c.Name == name)
            .Select(c => ConnectionLine(snapshot, c)));
    }

    private DialectReply RetrievePower(string aid)
    {
        List<string> ports;
        if (IsAll(aid.Trim()))
        {
            ports = [.. Switch.Ports.Select(p => p.Name)];
        }
        else if (ResolvePorts(aid, out ports) is { } error)
        {
            return error;
        }

        var snapshot = Switch.Snapshot();
        return DialectReply.Completed(ports.Select(p =>
            $"{p}:INOPTICALPOWER={PowerText.Format(snapshot.Power[p].Received)},OUTOPTICALPOWERWORKING={PowerText.Format(snapshot.Power[p].Transmitted)}"));
    }

    private static string ConnectionLine(SwitchSnapshot snapshot, SwitchConnection c)
    {
        string[] sources = c.Kind == CrossConnectKind.TwoWay ? [c.From, c.To] : [c.From];
        string condition = sources.Any(p => !snapshot.HasLight(p)) ? "LOS"
            : sources.Any(snapshot.FailedMirrors.Contains) ? "FLT"
            : "OK";
        bool alarmed = snapshot.Alarms.Any(a => a.Severity != AlarmSeverity.Cleared && (a.Entity == c.From || a.Entity == c.To));
        string type = c.Kind == CrossConnectKind.TwoWay ? "2WAY" : "1WAY";
        return $"{c.Label}:SRCPORT={c.From},DSTPORT={c.To},GRPNAME={c.Group},CONNNAME={c.Name},CONNTYPE={type},"
            + $"AS=IS,OS={(condition == "OK" ? "IS" : "OOS")},OC={condition},PS=UPR,AL={(alarmed ? "CR" : "CL")}";
    }

    /// <summary>Positional <c>[GRPNAME],{1WAY|2WAY}[,CONNNAME]</c> (the type may also come first), or named.</summary>
    private static DialectReply? ParseEntry(Tl1Parameters fields, out CrossConnectKind kind, out string group, out string name)
    {
        kind = CrossConnectKind.OneWay;
        group = string.Empty;
        name = string.Empty;
        if (UnknownParameter(fields, "GRPNAME", "CONNTYPE", "CONNNAME") is { } unknown)
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidParameter, $"unknown parameter {unknown}");
        }

        var positional = fields.Positional;
        string type;
        if (fields["CONNTYPE"] is { } named)
        {
            type = named;
            group = fields["GRPNAME"] ?? string.Empty;
            name = fields["CONNNAME"] ?? string.Empty;
        }
        else if (positional.Count is >= 1 and <= 2 && KindOf(positional[0]) is not null)
        {
            type = positional[0];
            name = positional.Count > 1 ? positional[1] : string.Empty;
        }
        else if (positional.Count is >= 2 and <= 3)
        {
            group = positional[0];
            type = positional[1];
            name = positional.Count > 2 ? positional[2] : string.Empty;
        }
        else
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidParameter, "expected [GRPNAME],{1WAY|2WAY}[,CONNNAME]");
        }

        if (KindOf(type) is not { } parsed)
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidParameter, $"connection type '{type}' is neither 1WAY nor 2WAY");
        }

        kind = parsed;
        return null;
    }

    /// <summary>The first named parameter (upper-cased) that is not one of <paramref name="known"/>, or null.</summary>
    private static string? UnknownParameter(Tl1Parameters fields, params ReadOnlySpan<string> known)
    {
        foreach (var (parameter, _) in fields.Named)
        {
            bool isKnown = false;
            foreach (string k in known)
            {
                isKnown |= string.Equals(parameter, k, StringComparison.OrdinalIgnoreCase);
            }

            if (!isKnown)
            {
                return parameter.ToUpperInvariant();
            }
        }

        return null;
    }

    /// <summary>The value named <paramref name="name"/>, else the positional value at <paramref name="position"/>, else empty.</summary>
    private static string NamedOrPositional(Tl1Parameters fields, string name, int position) =>
        fields[name] ?? (position < fields.Positional.Count ? fields.Positional[position] : string.Empty);

    private static CrossConnectKind? KindOf(string type) => type.ToUpperInvariant() switch
    {
        "1WAY" => CrossConnectKind.OneWay,
        "2WAY" => CrossConnectKind.TwoWay,
        _ => null,
    };

    /// <summary><c>src-dst</c> or <c>src&gt;dst</c>; the split prefers a position where both halves are ports (names may hold the separator).</summary>
    private ConnectionRef? ParseName(string text)
    {
        foreach (var (separator, kind) in new[] { ('>', CrossConnectKind.OneWay), ('-', CrossConnectKind.TwoWay) })
        {
            var positions = Enumerable.Range(1, Math.Max(0, text.Length - 2)).Where(i => text[i] == separator).ToList();
            if (positions.Count == 0)
            {
                continue;
            }

            int at = positions.FirstOrDefault(i => Switch.FindPort(text[..i]) is not null && Switch.FindPort(text[(i + 1)..]) is not null, positions[0]);
            return new ConnectionRef(text[..at], text[(at + 1)..], kind);
        }

        return null;
    }
}
