namespace NetControl.Graph.Trees;

/// <summary>A tree grown from a centre: its parent array (rooted at centre A), parent-edge weights and cost; <see cref="Order"/> breaks cost ties deterministically.</summary>
internal sealed record GrownTree(TreeCentre Centre, GrowthStrategy Strategy, int[] Parent, double[] ParentWeight, double Cost, int Order);
