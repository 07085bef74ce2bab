namespace NetControl.Simulators.Network.Impairments;

/// <summary>What the loss stage decided for one datagram.</summary>
internal enum LossVerdict
{
    Pass,
    RandomLoss,
    BurstLoss,
}
