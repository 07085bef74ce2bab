namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// One row of ENTITY-MIB's entPhysicalTable: a chassis, a port or a power sensor.
/// </summary>
/// <param name="Index">entPhysicalIndex.</param>
/// <param name="Class">entPhysicalClass (PhysicalClass: chassis(3), sensor(8), port(10)).</param>
/// <param name="ContainedIn">entPhysicalContainedIn: the containing entity's index, 0 for the root.</param>
/// <param name="ParentRelPos">entPhysicalParentRelPos: position among its container's children, -1 for the root.</param>
/// <param name="Descr">entPhysicalDescr.</param>
/// <param name="Name">entPhysicalName.</param>
/// <param name="InterfaceOf">The port whose interface this entity is (an entAliasMappingTable row to its ifIndex), or null.</param>
/// <param name="SensorOf">The port whose monitored power this sensor entity reads (an entPhySensorTable row), or null.</param>
internal sealed record PhysicalEntity(int Index, int Class, int ContainedIn, int ParentRelPos, string Descr, string Name, PortRow? InterfaceOf = null, PortRow? SensorOf = null)
{
    /// <summary>PhysicalClass chassis.</summary>
    public const int ChassisClass = 3;

    /// <summary>PhysicalClass sensor.</summary>
    public const int SensorClass = 8;

    /// <summary>PhysicalClass port.</summary>
    public const int PortClass = 10;
}
