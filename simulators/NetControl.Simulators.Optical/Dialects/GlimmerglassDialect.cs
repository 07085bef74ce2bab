using System.Collections.Frozen;
using NetControl.Core.Topology;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>
/// Glimmerglass System 300/600: simplex connections from input ports (1xxxx) to output ports (2xxxx), response
/// lines under AID <c>GGN</c>, command echo and a <c>&lt;</c> prompt, no alarms.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>ENT-CRS-FIBER::in,out</c>; lists pair by position (<c>10001&amp;10002,20002&amp;20001</c> is duplex), all or nothing.</item>
/// <item><c>DLT-CRS-FIBER::in[,out]</c>: by input alone, or input and output (which must match).</item>
/// <item><c>RTRV-CRS-FIBER::all|ports</c>: one line per input port (all), or per port named; an output port names the
/// connection into it. CONNSTATE is <c>steady</c> when connected and its mirror holds (whatever the light: loss of
/// light shows in INPWR/OUTPWR only), <c>fault</c> when the input's mirror is failed
/// (<see cref="Faults.SwitchFaults.FailMirror"/>; no light passes), <c>single</c> when unconnected (OPORTID=0,
/// OUTPWR and PWRLOSS empty). CONNID is always 0 and names are empty: the simulator has none.</item>
/// <item><c>RTRV-PORT-POWER::all|ports</c>: inputs read received power, outputs transmitted power.</item>
/// <item><c>RTRV-CFG-FIBER::all|ports</c>: PORTHEALTH is <c>good</c>, or <c>bad</c> for a port down in the topology.</item>
/// </list>
/// "all" lists inputs then outputs, each in topology order; an empty AID means all. None takes payload
/// parameters: a command with any is denied IPNV.
/// </remarks>
internal sealed class GlimmerglassDialect(OpticalSwitch sw, Tl1AgentOptions options) : Tl1DialectBase(sw, options)
{
    private const string Aid = "GGN";

    public override SwitchDialect Kind => SwitchDialect.Glimmerglass;

    public override bool EchoesInput => true;

    public override string? Prompt => "<";

    /// <summary>The commands, each with its handler (of the AID block): the one list of what the dialect knows.</summary>
    private static readonly FrozenDictionary<string, Func<GlimmerglassDialect, string, DialectReply>> Commands =
        new Dictionary<string, Func<GlimmerglassDialect, string, DialectReply>>(StringComparer.Ordinal)
        {
            ["ENT-CRS-FIBER"] = (dialect, aid) => dialect.Enter(aid),
            ["DLT-CRS-FIBER"] = (dialect, aid) => dialect.Delete(aid),
            ["RTRV-CRS-FIBER"] = (dialect, aid) => dialect.RetrieveConnections(aid),
            ["RTRV-PORT-POWER"] = (dialect, aid) => dialect.RetrievePower(aid),
            ["RTRV-CFG-FIBER"] = (dialect, aid) => dialect.RetrieveConfig(aid),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>None of the commands takes payload parameters: any is denied IPNV before the command runs.</summary>
    protected override DialectReply? ExecuteCommand(Tl1AgentSession session, string code, Tl1Command command)
    {
        if (!Commands.TryGetValue(code, out var handler))
        {
            return null;
        }

        return command.Payload.FirstOrDefault(p => p.Trim().Length > 0) is { } extra
            ? DialectReply.Deny(Tl1ErrorCodes.InvalidParameter, $"{code} takes no payload parameters, got '{extra.Trim()}'")
            : handler(this, command.Aid);
    }

    private DialectReply Enter(string aid)
    {
        if (aid.Trim().Length == 0)
        {
            return DialectReply.Deny(Tl1ErrorCodes.MissingBlock, "ENT-CRS-FIBER needs <inputs>,<outputs> in the AID block");
        }

        if (Pairs(aid, requireOutputs: true, out var inputs, out var outputs) is { } error)
        {
            return error;
        }

        return Reply(Switch.Connect([.. inputs.Select((input, i) => new SwitchConnection(input, outputs![i]))]));
    }

    private DialectReply Delete(string aid)
    {
        if (aid.Trim().Length == 0)
        {
            return DialectReply.Deny(Tl1ErrorCodes.MissingBlock, "DLT-CRS-FIBER needs <inputs>[,<outputs>] in the AID block");
        }

        if (Pairs(aid, requireOutputs: false, out var inputs, out var outputs) is { } error)
        {
            return error;
        }

        return Reply(Switch.Disconnect([.. inputs.Select((input, i) => new ConnectionRef(input, outputs?[i], CrossConnectKind.OneWay))]));
    }

    private DialectReply RetrieveConnections(string aid)
    {
        SwitchSnapshot snapshot;
        IEnumerable<string> ports;
        if (IsAll(aid))
        {
            snapshot = Switch.Snapshot();
            ports = Switch.Ports.Where(p => p.Direction == PortDirection.Input).Select(p => p.Name);
        }
        else if (ResolvePorts(aid, out var named) is { } error)
        {
            return error;
        }
        else
        {
            snapshot = Switch.Snapshot(named);
            ports = named;
        }

        var lines = new List<string>();
        foreach (string port in ports)
        {
            var connection = snapshot.ConnectionFrom(port) ?? snapshot.ConnectionInto(port);
            lines.Add(connection is not null
                ? ConnectionLine(snapshot, connection.From, connection.To)
                : Switch.FindPort(port)!.Direction == PortDirection.Output
                    ? $"{Aid}:IPORTID=0,IPORTNAME=,OPORTID={port},OPORTNAME=,CONNID=0,CONNSTATE=single,CONNCAUSE=,INPWR=,OUTPWR={PowerText.Format(snapshot.Power[port].Transmitted)},PWRLOSS=,CONNLOCK=0,CONNLOCKUSER="
                    : $"{Aid}:IPORTID={port},IPORTNAME=,OPORTID=0,OPORTNAME=,CONNID=0,CONNSTATE=single,CONNCAUSE=,INPWR={PowerText.Format(snapshot.Power[port].Received)},OUTPWR=,PWRLOSS=,CONNLOCK=0,CONNLOCKUSER=");
        }

        return DialectReply.Completed(lines);
    }

    private DialectReply RetrievePower(string aid)
    {
        if (Ports(aid, out var ports) is { } error)
        {
            return error;
        }

        var snapshot = Switch.Snapshot();
        return DialectReply.Completed(ports.Select(p =>
        {
            var light = snapshot.Power[p.Name];
            double dbm = p.Direction == PortDirection.Output ? light.Transmitted : light.Received;
            return $"{Aid}:PORTID={p.Name},PORTPOWER={PowerText.Format(dbm)}";
        }));
    }

    private DialectReply RetrieveConfig(string aid)
    {
        if (Ports(aid, out var ports) is { } error)
        {
            return error;
        }

        return DialectReply.Completed(ports.Select(p =>
            $"{Aid}:PORTID={p.Name},PORTNAME=,PORTDIR={p.Direction.ToString().ToLowerInvariant()},PORTHEALTH={(p.Admin == AdminState.Up ? "good" : "bad")}"));
    }

    private static string ConnectionLine(SwitchSnapshot snapshot, string input, string output)
    {
        double inPower = PowerText.Round(snapshot.Power[input].Received);
        double outPower = PowerText.Round(snapshot.Power[output].Transmitted);
        string state = snapshot.FailedMirrors.Contains(input) ? "fault" : "steady";
        return $"{Aid}:IPORTID={input},IPORTNAME=,OPORTID={output},OPORTNAME=,CONNID=0,CONNSTATE={state},CONNCAUSE=,"
            + $"INPWR={PowerText.Format(inPower)},OUTPWR={PowerText.Format(outPower)},PWRLOSS={PowerText.Format(inPower - outPower)},CONNLOCK=0,CONNLOCKUSER=";
    }

    /// <summary>All ports (inputs, then outputs) or the named ones.</summary>
    private DialectReply? Ports(string aid, out List<Port> ports)
    {
        if (IsAll(aid))
        {
            ports = [.. Switch.Ports.Where(p => p.Direction != PortDirection.Output), .. Switch.Ports.Where(p => p.Direction == PortDirection.Output)];
            return null;
        }

        var error = ResolvePorts(aid, out var names);
        ports = [.. names.Select(n => Switch.FindPort(n)!)];
        return error;
    }

    /// <summary>Splits <c>inputs[,outputs]</c> into two lists of the same length (IIAC otherwise).</summary>
    private static DialectReply? Pairs(string aid, bool requireOutputs, out IReadOnlyList<string> inputs, out IReadOnlyList<string>? outputs)
    {
        string[] parts = aid.Split(',');
        inputs = [];
        outputs = null;
        if (parts.Length > 2 || (requireOutputs && parts.Length != 2))
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"expected <inputs>{(requireOutputs ? string.Empty : "[")},<outputs>{(requireOutputs ? string.Empty : "]")}, got '{aid}'");
        }

        if (ExpandAids(parts[0]) is not { } ins)
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"malformed port list '{parts[0]}'");
        }

        inputs = ins;
        if (parts.Length == 2)
        {
            if (ExpandAids(parts[1]) is not { } outs)
            {
                return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"malformed port list '{parts[1]}'");
            }

            if (outs.Count != ins.Count)
            {
                return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"{ins.Count} input ports but {outs.Count} output ports");
            }

            outputs = outs;
        }

        return null;
    }
}
