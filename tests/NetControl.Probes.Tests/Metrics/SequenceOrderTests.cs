using NetControl.Probes.Metrics;

namespace NetControl.Probes.Tests.Metrics;

public sealed class SequenceOrderTests
{
    [Fact]
    public void Count_OneLateArrivalAndTwoCopies_GivesOneReorderedTwoDuplicates()
    {
        Assert.Equal((1, 2), SequenceOrder.Count([0, 1, 3, 2, 4, 4, 1]));
    }

    [Fact]
    public void Count_FirstPacketOvertakesThree_GivesThreeReordered()
    {
        Assert.Equal((3, 0), SequenceOrder.Count([5, 1, 2, 3]));
    }

    [Fact]
    public void Count_InOrder_GivesNothing()
    {
        Assert.Equal((0, 0), SequenceOrder.Count([0, 1, 2, 3]));
    }
}
