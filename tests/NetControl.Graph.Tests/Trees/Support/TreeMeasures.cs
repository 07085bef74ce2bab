namespace NetControl.Graph.Tests.Trees.Support;

/// <summary>Measures of one tree, computed by the test oracle.</summary>
internal sealed record TreeMeasures(double Cost, int MaxDegree, int HopDiameter, double LatencyDiameter);
