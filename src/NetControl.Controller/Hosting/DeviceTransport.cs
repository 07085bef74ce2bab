namespace NetControl.Controller.Hosting;

/// <summary>How TL1 bytes reach a switch.</summary>
public enum DeviceTransport
{
    /// <summary>Raw TCP to the switch's TL1 port.</summary>
    Tcp,

    /// <summary>Through an SSH server that forwards to the TL1 port.</summary>
    Ssh,
}
