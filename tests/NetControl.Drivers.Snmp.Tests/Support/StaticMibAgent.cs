using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Support;

/// <summary>
/// A v2c agent on a loopback port serving a fixed set of instances (any community): GET (noSuchObject for a missing
/// name), GETNEXT and GETBULK in OID order, endOfMibView past the last. For devices the simulator does not model,
/// such as one with several sensors per port or a sensor with its own alias mapping. Records what each request asked
/// for (<see cref="Requests"/>), and an instance can be changed while it runs (<see cref="Set"/>).
/// </summary>
internal sealed class StaticMibAgent : IAsyncDisposable
{
    private static readonly Comparer<string> OidOrder = Comparer<string>.Create(Oid.Compare);
    private readonly ConcurrentQueue<(PduType Type, string FirstOid)> _requests = new();
    private readonly FakeSnmpAgent _agent;
    private VarBind[] _instances;

    public StaticMibAgent(IEnumerable<VarBind> instances)
    {
        _instances = [.. instances.OrderBy(v => v.Oid, OidOrder)];
        _agent = new FakeSnmpAgent((_, request, _) => [Answer(request)]);
    }

    /// <summary>Every request answered so far: its PDU type and the name of its first varbind.</summary>
    public IReadOnlyList<(PduType Type, string FirstOid)> Requests => [.. _requests];

    /// <summary>Forgets the requests recorded so far.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Adds <paramref name="instance"/>, or replaces the instance of that name.</summary>
    public void Set(VarBind instance) =>
        Volatile.Write(ref _instances, [.. Volatile.Read(ref _instances).Where(i => i.Oid != instance.Oid).Append(instance).OrderBy(v => v.Oid, OidOrder)]);

    public SnmpTarget Target => SnmpTarget.V2c(new IPEndPoint(IPAddress.Loopback, _agent.EndPoint.Port));

    public ValueTask DisposeAsync() => _agent.DisposeAsync();

    private byte[] Answer(byte[] datagram)
    {
        var message = SnmpCodec.DecodeV2c(datagram);
        var pdu = message.Pdu;
        var names = pdu.VarBinds.Select(v => v.Oid).ToArray();
        var instances = Volatile.Read(ref _instances);
        _requests.Enqueue((pdu.Type, names.FirstOrDefault() ?? string.Empty));
        ImmutableArray<VarBind> answer = pdu.Type switch
        {
            PduType.GetRequest => [.. names.Select(n => Array.Find(instances, i => i.Oid == n) ?? new VarBind(n, SnmpValue.NoSuchObject))],
            PduType.GetNextRequest => [.. names.Select(n => Next(instances, n))],
            PduType.GetBulkRequest => Bulk(instances, names, pdu.NonRepeaters, pdu.MaxRepetitions),
            _ => throw new InvalidOperationException($"unexpected {pdu.Type}"),
        };
        return SnmpCodec.Encode(new SnmpV2cMessage(message.Community, new SnmpPdu(PduType.Response, pdu.RequestId, SnmpErrorStatus.NoError, 0, answer)));
    }

    private static ImmutableArray<VarBind> Bulk(VarBind[] instances, string[] names, int nonRepeaters, int maxRepetitions)
    {
        var result = names.Take(nonRepeaters).Select(n => Next(instances, n)).ToList();
        var repeaters = names.Skip(nonRepeaters).ToArray();
        for (int r = 0; r < maxRepetitions && repeaters.Length > 0; r++)
        {
            var row = repeaters.Select(n => Next(instances, n)).ToArray();
            result.AddRange(row);
            repeaters = [.. row.Select(v => v.Oid)];
            if (row.All(v => v.Value.Type == SnmpValueType.EndOfMibView))
            {
                break;
            }
        }

        return [.. result];
    }

    private static VarBind Next(VarBind[] instances, string oid) =>
        Array.Find(instances, i => Oid.Compare(i.Oid, oid) > 0) ?? new VarBind(oid, SnmpValue.EndOfMibView);
}
