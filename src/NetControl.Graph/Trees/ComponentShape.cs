namespace NetControl.Graph.Trees;

/// <summary>Size and diameters of one component of a forest (diameters are 0 when not computed).</summary>
internal readonly record struct ComponentShape(int Size, int HopDiameter, double LatencyDiameter);
