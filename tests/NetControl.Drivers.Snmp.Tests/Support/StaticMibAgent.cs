using System.Collections.Immutable;
using System.Net;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Support;

/// <summary>
/// A v2c agent on a loopback port serving a fixed set of instances (any community): GET (noSuchObject for a missing
/// name), GETNEXT and GETBULK in OID order, endOfMibView past the last. For devices the simulator does not model,
/// such as one with several sensors per port or a sensor with its own alias mapping.
/// </summary>
internal sealed class StaticMibAgent : IAsyncDisposable
{
    private readonly VarBind[] _instances;
    private readonly FakeSnmpAgent _agent;

    public StaticMibAgent(IEnumerable<VarBind> instances)
    {
        _instances = [.. instances.OrderBy(v => v.Oid, Comparer<string>.Create(Oid.Compare))];
        _agent = new FakeSnmpAgent((_, request, _) => [Answer(request)]);
    }

    public SnmpTarget Target => SnmpTarget.V2c(new IPEndPoint(IPAddress.Loopback, _agent.EndPoint.Port));

    public ValueTask DisposeAsync() => _agent.DisposeAsync();

    private byte[] Answer(byte[] datagram)
    {
        var message = SnmpCodec.DecodeV2c(datagram);
        var pdu = message.Pdu;
        var names = pdu.VarBinds.Select(v => v.Oid).ToArray();
        ImmutableArray<VarBind> answer = pdu.Type switch
        {
            PduType.GetRequest => [.. names.Select(n => Array.Find(_instances, i => i.Oid == n) ?? new VarBind(n, SnmpValue.NoSuchObject))],
            PduType.GetNextRequest => [.. names.Select(Next)],
            PduType.GetBulkRequest => Bulk(names, pdu.NonRepeaters, pdu.MaxRepetitions),
            _ => throw new InvalidOperationException($"unexpected {pdu.Type}"),
        };
        return SnmpCodec.Encode(new SnmpV2cMessage(message.Community, new SnmpPdu(PduType.Response, pdu.RequestId, SnmpErrorStatus.NoError, 0, answer)));
    }

    private ImmutableArray<VarBind> Bulk(string[] names, int nonRepeaters, int maxRepetitions)
    {
        var result = names.Take(nonRepeaters).Select(Next).ToList();
        var repeaters = names.Skip(nonRepeaters).ToArray();
        for (int r = 0; r < maxRepetitions && repeaters.Length > 0; r++)
        {
            var row = repeaters.Select(Next).ToArray();
            result.AddRange(row);
            repeaters = [.. row.Select(v => v.Oid)];
            if (row.All(v => v.Value.Type == SnmpValueType.EndOfMibView))
            {
                break;
            }
        }

        return [.. result];
    }

    private VarBind Next(string oid) =>
        Array.Find(_instances, i => Oid.Compare(i.Oid, oid) > 0) ?? new VarBind(oid, SnmpValue.EndOfMibView);
}
