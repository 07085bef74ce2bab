namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>The writable strings of the system group: sysContact.0 and sysLocation.0. Thread-safe.</summary>
internal sealed class SystemInfo(string contact, string location)
{
    private volatile string _contact = contact;
    private volatile string _location = location;

    public string Contact
    {
        get => _contact;
        set => _contact = value;
    }

    public string Location
    {
        get => _location;
        set => _location = value;
    }
}
