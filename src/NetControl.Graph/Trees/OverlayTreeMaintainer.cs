using System.Globalization;

namespace NetControl.Graph.Trees;

/// <summary>
/// Keeps the tree the reflectors use (<see cref="Installed"/>) apart from the best tree known
/// (<see cref="Candidate"/>, maintained incrementally by a <see cref="DynamicSpanningTree"/>). On each link-weight
/// change it updates the candidate, re-prices the installed tree under the new weights (O(1) when the link is not
/// in it or for cost alone; O(n) to re-measure its latency diameter when a latency limit is set and the link is in
/// it), and installs the candidate only when <see cref="TreeHysteresis"/> says it is enough cheaper, or at once when
/// the installed tree has become infeasible (a link went to +infinity, or the latency limit is broken). Not
/// thread-safe.
/// </summary>
public sealed class OverlayTreeMaintainer
{
    private readonly DynamicSpanningTree _candidate;
    private SpanningTree? _installed;
    private Forest? _installedForest;
    private ForestWalker? _walker;
    private double _installedFiniteCost;
    private int _installedMissing;
    private double _installedLatencyDiameter;

    /// <param name="weights">Initial link weights; copied.</param>
    /// <param name="constraints">Limits every installed tree must meet; none by default.</param>
    /// <param name="hysteresis">Switching rule; <see cref="TreeHysteresis.Default"/> when null.</param>
    /// <param name="options">Effort of the constrained heuristic.</param>
    public OverlayTreeMaintainer(
        WeightMatrix weights,
        TreeConstraints? constraints = null,
        TreeHysteresis? hysteresis = null,
        ConstrainedTreeOptions? options = null)
    {
        _candidate = new DynamicSpanningTree(weights, constraints, options);
        Hysteresis = hysteresis ?? TreeHysteresis.Default;
        LastDecision = Decide(null);
    }

    public TreeConstraints Constraints => _candidate.Constraints;

    public TreeHysteresis Hysteresis { get; }

    /// <summary>The tree the overlay uses, with the weights it had when installed; null until a tree was found.</summary>
    public SpanningTree? Installed => _installed;

    /// <summary>The installed tree's cost under the current weights; +infinity when it lost an edge or there is none.</summary>
    public double InstalledCost => _installed is null || _installedMissing > 0 ? double.PositiveInfinity : _installedFiniteCost;

    /// <summary>True when there is an installed tree, all its links exist and it meets the constraints under the current weights.</summary>
    public bool InstalledFeasible =>
        _installed is not null && _installedMissing == 0 && Constraints.LatencyFits(_installedLatencyDiameter);

    /// <summary>The best tree known under the current weights (a snapshot), or null when there is none.</summary>
    public SpanningTree? Candidate => _candidate.Tree;

    /// <summary>The candidate's cost; +infinity when there is none.</summary>
    public double CandidateCost => _candidate.Cost;

    /// <summary>The decision taken by the last update, recomputation or the constructor.</summary>
    public OverlayDecision LastDecision { get; private set; }

    /// <summary>Current weight of a link.</summary>
    public double Weight(int i, int j) => _candidate.Weight(i, j);

    /// <summary>Applies one link-weight change (+infinity: the link is gone) and decides whether to switch trees.</summary>
    public OverlayDecision Update(int i, int j, double weight)
    {
        DynamicSpanningTree.ValidateLink(i, j, weight, _candidate.Count);
        double old = _candidate.Weight(i, j);
        var change = _candidate.Update(i, j, weight);
        if (_installed is not null && _installed.ContainsEdge(i, j))
        {
            Reprice(i, j, old, weight);
        }

        LastDecision = Decide(change);
        return LastDecision;
    }

    /// <summary>Recomputes the candidate from scratch, then decides through the same hysteresis.</summary>
    public OverlayDecision Recompute()
    {
        LastDecision = Decide(_candidate.Recompute());
        return LastDecision;
    }

    private void Reprice(int i, int j, double old, double weight)
    {
        if (double.IsFinite(old))
        {
            _installedFiniteCost -= old;
        }
        else
        {
            _installedMissing--;
        }

        if (double.IsFinite(weight))
        {
            _installedFiniteCost += weight;
        }
        else
        {
            _installedMissing++;
        }

        if (_installedForest is not null && _walker is not null)
        {
            _installedForest.SetWeight(i, j, weight);
            _installedLatencyDiameter = _walker.Diameters(_installedForest, _installed!.Root).LatencyDiameter;
        }
    }

    private OverlayDecision Decide(TreeChange? change)
    {
        double installedCost = InstalledCost;
        double candidateCost = _candidate.Cost;
        if (!_candidate.HasTree)
        {
            string why = _candidate.Failure?.Reason ?? "no candidate tree";
            string state = _installed is null ? "nothing installed" : InstalledFeasible ? "installed tree kept" : "infeasible installed tree kept";
            return Decision(OverlayAction.Kept, OverlayReason.NoCandidate, installedCost, candidateCost, change, $"kept: {state}; {why}");
        }

        if (_installed is null)
        {
            Install();
            return Decision(OverlayAction.Switched, OverlayReason.NothingInstalled, installedCost, candidateCost, change, $"switched: installed the first tree, cost {Format(candidateCost)}");
        }

        if (!InstalledFeasible)
        {
            string broken = _installedMissing > 0
                ? $"{_installedMissing} of its links are gone"
                : $"its latency diameter {Format(_installedLatencyDiameter)} is above the limit {Format(Constraints.LatencyLimit)}";
            Install();
            return Decision(OverlayAction.Switched, OverlayReason.InstalledInfeasible, installedCost, candidateCost, change, $"switched: the installed tree is infeasible ({broken}); candidate cost {Format(candidateCost)}");
        }

        string test = $"cost {Format(candidateCost)}, needed {Hysteresis.Describe(installedCost)}";
        if (Hysteresis.ShouldSwitch(installedCost, candidateCost))
        {
            Install();
            return Decision(OverlayAction.Switched, OverlayReason.CandidateCheaper, installedCost, candidateCost, change, $"switched: candidate {test}");
        }

        return Decision(OverlayAction.Kept, OverlayReason.WithinHysteresis, installedCost, candidateCost, change, $"kept: candidate {test}");
    }

    private OverlayDecision Decision(OverlayAction action, OverlayReason reason, double installedCost, double candidateCost, TreeChange? change, string message) =>
        new(action, reason, installedCost, candidateCost, _installed, change, message);

    private void Install()
    {
        var tree = _candidate.Tree!;
        _installed = tree;
        _installedFiniteCost = tree.Cost;
        _installedMissing = 0;
        _installedLatencyDiameter = tree.LatencyDiameter;
        if (Constraints.MaxLatencyDiameterMs is not null)
        {
            _installedForest = new Forest(tree.NodeCount);
            foreach (var e in tree.Edges)
            {
                _installedForest.Link(e.U, e.V, e.Weight);
            }

            _walker ??= new ForestWalker(tree.NodeCount);
        }
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
