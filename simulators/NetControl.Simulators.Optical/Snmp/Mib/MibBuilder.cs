using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>Collects the scalars and table columns of a <see cref="SwitchMib"/>, in any order.</summary>
internal sealed class MibBuilder
{
    private readonly List<MibInstance> _instances = [];
    private readonly List<string> _objects = [];
    private readonly List<string> _writableObjects = [];

    /// <summary>Scalar <paramref name="objectOid"/> (instance <c>.0</c>).</summary>
    public MibBuilder Scalar(string objectOid, Func<MibReadContext, SnmpValue> read, MibWrite? write = null)
    {
        _objects.Add(objectOid);
        if (write is not null)
        {
            _writableObjects.Add(objectOid);
        }

        _instances.Add(new MibInstance(MibOids.Instance(objectOid), read, write));
        return this;
    }

    /// <summary>Column <paramref name="column"/> of table entry <paramref name="entry"/>, one instance per row.</summary>
    public MibBuilder Column<TRow>(string entry, int column, IEnumerable<TRow> rows, Func<TRow, int> index, Func<TRow, MibReadContext, SnmpValue> read) =>
        Column(entry, column, rows, (TRow row) => index(row).ToString(System.Globalization.CultureInfo.InvariantCulture), read);

    /// <summary>Column <paramref name="column"/> of a table indexed by several arcs: <paramref name="index"/> gives each row's dotted index ("12.0").</summary>
    public MibBuilder Column<TRow>(string entry, int column, IEnumerable<TRow> rows, Func<TRow, string> index, Func<TRow, MibReadContext, SnmpValue> read)
    {
        string columnOid = MibOids.Column(entry, column);
        _objects.Add(columnOid);
        foreach (var row in rows)
        {
            _instances.Add(new MibInstance($"{columnOid}.{index(row)}", context => read(row, context)));
        }

        return this;
    }

    public SwitchMib Build() => new(_instances, _objects, _writableObjects);
}
