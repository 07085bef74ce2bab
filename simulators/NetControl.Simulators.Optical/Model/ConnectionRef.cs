namespace NetControl.Simulators.Optical.Model;

/// <summary>
/// Names an existing cross-connect to delete: by its source port alone (<see cref="To"/> null), or by both ends (a
/// two-way connection may be named from either end). <see cref="Kind"/>, when given, must match too.
/// </summary>
public sealed record ConnectionRef(string From, string? To = null, CrossConnectKind? Kind = null)
{
    /// <summary>True when <paramref name="connection"/> is the one named.</summary>
    public bool Matches(SwitchConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Kind is { } kind && connection.Kind != kind)
        {
            return false;
        }

        if (To is null)
        {
            return connection.ReceivesAt(From);
        }

        return connection.Kind == CrossConnectKind.TwoWay
            ? (connection.From == From && connection.To == To) || (connection.From == To && connection.To == From)
            : connection.From == From && connection.To == To;
    }

    public override string ToString() => To is null ? From : Kind == CrossConnectKind.TwoWay ? $"{From}-{To}" : $"{From}>{To}";
}
