namespace NetControl.Simulators.Optical.Model;

/// <summary>
/// A cross-connect inside one switch, in the switch's port names: light entering <see cref="From"/> leaves by
/// <see cref="To"/>, and for <see cref="CrossConnectKind.TwoWay"/> also the other way. <see cref="Group"/> and
/// <see cref="Name"/> are the Calient GRPNAME and CONNNAME (empty when not given).
/// </summary>
public sealed record SwitchConnection(string From, string To, CrossConnectKind Kind = CrossConnectKind.OneWay, string Group = "", string Name = "")
{
    /// <summary>The Calient connection name: <c>src-dst</c> for two-way, <c>src&gt;dst</c> for one-way.</summary>
    public string Label => Kind == CrossConnectKind.TwoWay ? $"{From}-{To}" : $"{From}>{To}";

    /// <summary>True when this connection carries light out of port <paramref name="port"/>'s receive side.</summary>
    public bool ReceivesAt(string port) => From == port || (Kind == CrossConnectKind.TwoWay && To == port);

    /// <summary>True when this connection drives port <paramref name="port"/>'s transmit side.</summary>
    public bool TransmitsAt(string port) => To == port || (Kind == CrossConnectKind.TwoWay && From == port);

    /// <summary>The port light entering <paramref name="port"/> leaves by (null when it does not receive there).</summary>
    public string? Across(string port) => From == port ? To : Kind == CrossConnectKind.TwoWay && To == port ? From : null;

    public override string ToString() => Label;
}
