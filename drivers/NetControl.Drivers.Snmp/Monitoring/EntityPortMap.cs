using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>
/// Which interface (ifIndex) a physical entity such as a power sensor belongs to, from ENTITY-MIB (RFC 6933): the
/// entity's own entAliasMappingIdentifier when it names an ifIndex instance (1.3.6.1.2.1.2.2.1.1.N), else that of the
/// nearest entity containing it (entPhysicalContainedIn, walked up to the root). The row for logical entity 0 (all)
/// wins over rows of particular logical entities. A device without any entAliasMappingTable row is taken to number
/// its entities like its interfaces (entPhysicalIndex = ifIndex): <see cref="UsesAliasTable"/> is false.
/// </summary>
internal sealed class EntityPortMap
{
    private readonly IReadOnlyDictionary<int, int> _aliases;
    private readonly IReadOnlyDictionary<int, int> _containedIn;

    /// <param name="aliases">entPhysicalIndex to the ifIndex its alias mapping names; null: the device has no alias table.</param>
    /// <param name="containedIn">entPhysicalIndex to its entPhysicalContainedIn (0 for a root).</param>
    public EntityPortMap(IReadOnlyDictionary<int, int>? aliases, IReadOnlyDictionary<int, int> containedIn)
    {
        _aliases = aliases ?? new Dictionary<int, int>();
        _containedIn = containedIn;
        UsesAliasTable = aliases is not null;
    }

    /// <summary>False when the device has no entAliasMappingTable rows: an entity's index is taken as its ifIndex.</summary>
    public bool UsesAliasTable { get; }

    /// <summary>Reads entAliasMappingIdentifier and, when the device has alias rows, entPhysicalContainedIn.</summary>
    public static async Task<EntityPortMap> ReadAsync(SnmpClient client, SnmpTarget target, CancellationToken cancellationToken)
    {
        var rows = await SnmpMibColumns.WalkIndexesAsync(client, target, SnmpMibColumns.EntAliasMappingIdentifier, cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return new EntityPortMap(null, new Dictionary<int, int>());
        }

        var aliases = new Dictionary<int, (int Logical, int IfIndex)>();
        foreach (var (index, value) in rows)
        {
            if (index.Length == 2 && TryIfIndex(value, out int ifIndex)
                && (!aliases.TryGetValue(index[0], out var known) || index[1] < known.Logical))
            {
                aliases[index[0]] = (index[1], ifIndex);
            }
        }

        var containedIn = await SnmpMibColumns.WalkAsync(client, target, SnmpMibColumns.EntPhysicalContainedIn, cancellationToken).ConfigureAwait(false);
        return new EntityPortMap(
            aliases.ToDictionary(a => a.Key, a => a.Value.IfIndex),
            containedIn.Where(c => c.Value.Type == SnmpValueType.Integer).ToDictionary(c => c.Key, c => c.Value.AsInt32()));
    }

    /// <summary>
    /// The ifIndex of <paramref name="entity"/>: its own alias, else its nearest mapped container's; without an alias
    /// table, the entity index itself. False when nothing up the containment chain maps to an interface (or it loops).
    /// </summary>
    public bool TryGetIfIndex(int entity, out int ifIndex)
    {
        if (!UsesAliasTable)
        {
            ifIndex = entity;
            return true;
        }

        // A chain without a loop visits each entity at most once: more steps than entities means a loop.
        int steps = 0;
        for (int current = entity; current > 0 && steps <= _containedIn.Count; current = _containedIn.GetValueOrDefault(current), steps++)
        {
            if (_aliases.TryGetValue(current, out ifIndex))
            {
                return true;
            }
        }

        ifIndex = 0;
        return false;
    }

    /// <summary>True when <paramref name="value"/> is the OID of an ifIndex instance, ifIndex.N with N at least 1.</summary>
    private static bool TryIfIndex(SnmpValue value, out int ifIndex)
    {
        ifIndex = 0;
        if (value.Type != SnmpValueType.ObjectIdentifier)
        {
            return false;
        }

        string oid = value.AsOid();
        if (oid.Length <= SnmpMibColumns.IfIndex.Length + 1 || !Oid.IsUnder(oid, SnmpMibColumns.IfIndex)
            || !SnmpMibColumns.TryParseArcs(oid.AsSpan(SnmpMibColumns.IfIndex.Length + 1), out int[] arcs) || arcs.Length != 1 || arcs[0] == 0)
        {
            return false;
        }

        ifIndex = arcs[0];
        return true;
    }
}
