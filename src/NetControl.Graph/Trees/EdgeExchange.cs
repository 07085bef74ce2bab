namespace NetControl.Graph.Trees;

/// <summary>
/// Local improvement by exact edge exchange: cut a tree edge (heaviest first) and rejoin the two parts with the
/// cheapest crossing edge that is lighter and keeps the tree within the constraints (checked exactly by the
/// <see cref="Reconnector"/>, whatever the tree's centre). Repeats until a pass changes nothing.
/// </summary>
internal static class EdgeExchange
{
    /// <summary>Improves a spanning tree in place; returns how much cheaper it became.</summary>
    public static double Improve(Forest forest, Reconnector reconnector, int maxPasses)
    {
        double saved = 0;
        for (int pass = 0; pass < maxPasses; pass++)
        {
            var edges = forest.EdgeList();
            edges.Sort(static (a, b) => b.Weight.CompareTo(a.Weight));
            bool improved = false;
            foreach (var e in edges)
            {
                if (!forest.TryGetWeight(e.U, e.V, out double w))
                {
                    continue;
                }

                forest.Cut(e.U, e.V);
                double below = w - (1e-12 * Math.Max(1, w));
                if (reconnector.TryFindCheapest(forest, e.U, e.V, below, out var better))
                {
                    forest.Link(better.U, better.V, better.Weight);
                    saved += w - better.Weight;
                    improved = true;
                }
                else
                {
                    forest.Link(e.U, e.V, w);
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return saved;
    }
}
