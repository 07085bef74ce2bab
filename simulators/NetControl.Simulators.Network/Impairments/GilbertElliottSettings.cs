namespace NetControl.Simulators.Network.Impairments;

/// <summary>
/// Two-state Gilbert-Elliott burst loss. Per datagram, the current state decides the loss (with
/// <see cref="LossInBad"/> or <see cref="LossInGood"/>), then the state moves: good to bad with <see cref="P"/>,
/// bad to good with <see cref="R"/>. Mean time in the bad state is 1/R datagrams, the stationary share of bad is
/// P/(P+R), so the mean loss is (P·LossInBad + R·LossInGood)/(P+R).
/// </summary>
public sealed record GilbertElliottSettings(double P, double R, double LossInBad = 1.0, double LossInGood = 0.0)
{
    /// <summary>Long-run loss ratio of the model.</summary>
    public double StationaryLoss => P + R == 0 ? LossInGood : ((P * LossInBad) + (R * LossInGood)) / (P + R);

    internal void Validate(string where)
    {
        foreach (var (name, value) in new[] { ("p", P), ("r", R), ("loss-in-bad", LossInBad), ("loss-in-good", LossInGood) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw new Links.InvalidLinkSettingsException($"{where}: Gilbert-Elliott {name} = {value} is not a probability");
            }
        }
    }
}
