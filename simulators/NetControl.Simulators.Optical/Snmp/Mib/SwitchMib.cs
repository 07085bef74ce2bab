using System.Collections.Frozen;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// The object instances one simulated switch serves, in lexicographic OID order. The set of instances never changes
/// (a switch's ports are fixed), only their values, which are read when a request asks for them. GET answers
/// noSuchInstance for a name under a known object (<c>sysName</c>, <c>sysName.0.1</c>, <c>ifDescr.99</c>) and
/// noSuchObject otherwise; GETNEXT returns the first instance after the name, or endOfMibView.
/// </summary>
internal sealed class SwitchMib
{
    private static readonly Comparer<string> Order = Comparer<string>.Create(Oid.Compare);
    private readonly MibInstance[] _instances;
    private readonly FrozenDictionary<string, MibInstance> _byOid;
    private readonly string[] _objects;
    private readonly string[] _writableObjects;

    internal SwitchMib(IEnumerable<MibInstance> instances, IEnumerable<string> objects, IEnumerable<string> writableObjects)
    {
        _writableObjects = [.. writableObjects];
        _instances = [.. instances.OrderBy(i => i.Oid, Order)];
        _byOid = _instances.ToFrozenDictionary(i => i.Oid, StringComparer.Ordinal);
        _objects = [.. objects];
    }

    /// <summary>Every instance, in OID order.</summary>
    public IReadOnlyList<MibInstance> Instances => _instances;

    /// <summary>The instance named exactly <paramref name="oid"/>, or null.</summary>
    public MibInstance? Find(string oid) => _byOid.GetValueOrDefault(oid);

    /// <summary>True when <paramref name="oid"/> is a registered object (scalar or column) or lies below one.</summary>
    public bool IsUnderObject(string oid) => Array.Exists(_objects, o => Oid.IsUnder(oid, o));

    /// <summary>True when <paramref name="oid"/> lies under an object that has writable instances.</summary>
    public bool IsUnderWritableObject(string oid) => Array.Exists(_writableObjects, o => Oid.IsUnder(oid, o));

    /// <summary>The value of instance <paramref name="oid"/>, or the noSuchInstance / noSuchObject exception.</summary>
    public SnmpValue Get(string oid, MibReadContext context)
    {
        if (_byOid.TryGetValue(oid, out var instance))
        {
            return instance.Read(context);
        }

        return IsUnderObject(oid) ? SnmpValue.NoSuchInstance : SnmpValue.NoSuchObject;
    }

    /// <summary>The first instance after <paramref name="oid"/> and its value; endOfMibView (named <paramref name="oid"/>) past the last.</summary>
    public VarBind GetNext(string oid, MibReadContext context)
    {
        int low = 0, high = _instances.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (Oid.Compare(_instances[middle].Oid, oid) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < _instances.Length
            ? new VarBind(_instances[low].Oid, _instances[low].Read(context))
            : new VarBind(oid, SnmpValue.EndOfMibView);
    }
}
