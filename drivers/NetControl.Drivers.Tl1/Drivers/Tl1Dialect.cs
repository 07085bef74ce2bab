namespace NetControl.Drivers.Tl1.Drivers;

/// <summary>The TL1 command set a photonic switch speaks.</summary>
public enum Tl1Dialect
{
    Glimmerglass,
    Calient,
}
