namespace NetControl.Simulators.Network.Tests.Support;

/// <summary>Tests that measure real time or push real traffic run one at a time so they do not disturb each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "Real time";
}
