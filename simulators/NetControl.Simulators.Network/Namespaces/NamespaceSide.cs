namespace NetControl.Simulators.Network.Namespaces;

/// <summary>One of the two namespaces of a <see cref="NamespacePair"/>.</summary>
public enum NamespaceSide
{
    A,
    B,
}
