using NetControl.Graph.Trees;

namespace NetControl.Graph.Tests.Trees;

/// <summary>The installed overlay tree only moves when the hysteresis rule says so, or when it breaks.</summary>
public sealed class OverlayTreeMaintainerTests
{
    // Four reflectors on a line 0-1-2-3 (weights 10) with expensive shortcuts (weights 30).
    private static WeightMatrix Line() => WeightMatrix.FromEdges(4,
    [
        new WeightedEdge(0, 1, 10), new WeightedEdge(1, 2, 10), new WeightedEdge(2, 3, 10),
        new WeightedEdge(0, 2, 30), new WeightedEdge(1, 3, 30), new WeightedEdge(0, 3, 30),
    ]);

    [Fact]
    public void Constructor_ConnectedGraph_InstallsTheFirstTree()
    {
        var maintainer = new OverlayTreeMaintainer(Line());

        Assert.Equal(OverlayReason.NothingInstalled, maintainer.LastDecision.Reason);
        Assert.True(maintainer.LastDecision.Switched);
        Assert.Equal(30, maintainer.InstalledCost);
        Assert.True(maintainer.InstalledFeasible);
    }

    [Fact]
    public void Update_CandidateSlightlyCheaper_KeepsInstalledTree()
    {
        var maintainer = new OverlayTreeMaintainer(Line());
        var installed = maintainer.Installed;

        // The shortcut 0-3 at 8 makes the best tree 8 + 10 + 10 = 28: 93% of 30, not below 80%.
        var decision = maintainer.Update(0, 3, 8);

        Assert.Equal(OverlayAction.Kept, decision.Action);
        Assert.Equal(OverlayReason.WithinHysteresis, decision.Reason);
        Assert.Same(installed, maintainer.Installed);
        Assert.Equal(28, maintainer.CandidateCost);
        Assert.Equal(30, maintainer.InstalledCost);
        Assert.Contains("below 0.8 x 30 = 24", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_CandidateBelowRatio_Switches()
    {
        var maintainer = new OverlayTreeMaintainer(Line());

        maintainer.Update(0, 3, 8);
        var decision = maintainer.Update(0, 2, 1);

        // Best tree now 0-2 (1), 0-3 (8), 0-1 or 1-2 (10): 19 < 0.8 x 30.
        Assert.Equal(OverlayReason.CandidateCheaper, decision.Reason);
        Assert.Equal(19, maintainer.InstalledCost);
        Assert.True(maintainer.Installed!.ContainsEdge(0, 2));
    }

    [Fact]
    public void Update_InstalledTreeEdgeGetsHeavier_RepricesInstalledAndSwitchesOnlyPastRatio()
    {
        var maintainer = new OverlayTreeMaintainer(Line(), hysteresis: new TreeHysteresis { Ratio = 0.9 });

        var kept = maintainer.Update(1, 2, 12);
        Assert.Equal(OverlayAction.Kept, kept.Action);
        Assert.Equal(32, maintainer.InstalledCost);

        // Installed now 10 + 45 + 10 = 65; the candidate swaps 1-2 for a 30 shortcut: 50 < 0.9 x 65.
        var switched = maintainer.Update(1, 2, 45);
        Assert.Equal(OverlayReason.CandidateCheaper, switched.Reason);
        Assert.Equal(65, switched.InstalledCost);
        Assert.Equal(50, maintainer.InstalledCost);
        Assert.False(maintainer.Installed!.ContainsEdge(1, 2));
    }

    [Fact]
    public void Update_InstalledLinkGoesDown_SwitchesAtOnce()
    {
        var maintainer = new OverlayTreeMaintainer(Line(), hysteresis: new TreeHysteresis { Ratio = 0.1 });

        var decision = maintainer.Update(1, 2, double.PositiveInfinity);

        Assert.Equal(OverlayReason.InstalledInfeasible, decision.Reason);
        Assert.Equal(double.PositiveInfinity, decision.InstalledCost);
        Assert.True(maintainer.InstalledFeasible);
        Assert.False(maintainer.Installed!.ContainsEdge(1, 2));
        Assert.Contains("links are gone", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_InstalledTreeBreaksLatencyLimit_SwitchesAtOnce()
    {
        var constraints = new TreeConstraints { MaxLatencyDiameterMs = 45 };
        var maintainer = new OverlayTreeMaintainer(Line(), constraints, new TreeHysteresis { Ratio = 0.1 });
        Assert.Equal(30, maintainer.Installed!.LatencyDiameter);

        // 0-1-2-3 becomes 48 ms end to end; 0-1, 1-2, 1-3 (40 ms, cost 50) is the cheapest tree within 45 ms.
        var decision = maintainer.Update(2, 3, 28);

        Assert.Equal(OverlayReason.InstalledInfeasible, decision.Reason);
        Assert.True(maintainer.InstalledFeasible);
        Assert.Equal(40, maintainer.Installed!.LatencyDiameter);
        Assert.Equal(50, maintainer.InstalledCost);
    }

    [Fact]
    public void Update_GraphFallsApart_KeepsBrokenTreeAndSaysWhy()
    {
        var w = WeightMatrix.FromEdges(3, [new WeightedEdge(0, 1, 1), new WeightedEdge(1, 2, 1)]);
        var maintainer = new OverlayTreeMaintainer(w);

        var decision = maintainer.Update(0, 1, double.PositiveInfinity);

        Assert.Equal(OverlayReason.NoCandidate, decision.Reason);
        Assert.False(maintainer.InstalledFeasible);
        Assert.NotNull(maintainer.Installed);
        Assert.Contains("infeasible installed tree kept", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recompute_AfterSmallDrift_StillObeysHysteresis()
    {
        var maintainer = new OverlayTreeMaintainer(Line());
        maintainer.Update(0, 3, 9);

        var decision = maintainer.Recompute();

        Assert.Equal(OverlayReason.WithinHysteresis, decision.Reason);
        Assert.Equal(30, maintainer.InstalledCost);
    }
}
