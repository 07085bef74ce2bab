using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// Answers GetRequest, GetNextRequest, GetBulkRequest and SetRequest PDUs from a <see cref="SwitchMib"/> (RFC 3416
/// section 4.2): GET per varbind (noSuchObject / noSuchInstance), GETNEXT in lexicographic order (endOfMibView past
/// the end), GETBULK with non-repeaters and max-repetitions (stopping once every repeater is past the end), SET in two
/// phases (every varbind checked, then all applied, or none). Every PDU reads one snapshot of the switch. A response
/// that does not fit is, as net-snmp does, cut to the varbinds that fit for GETBULK and otherwise replaced by an
/// empty tooBig; when even that does not fit the request is dropped (null).
/// </summary>
internal sealed class PduProcessor(SwitchMib mib, AgentContext agent)
{
    /// <summary>The smallest encoding of one varbind (SEQUENCE, a one-byte OID, a NULL): bounds what a GETBULK can fill.</summary>
    private const int MinVarBindOctets = 7;

    /// <summary>
    /// The Response to <paramref name="request"/>, or null when it must be dropped. <paramref name="mayWrite"/>:
    /// whether the requester's credentials allow SET (else noAccess). <paramref name="fits"/>: whether a Response
    /// fits the message size limits once encoded as it will be sent.
    /// </summary>
    public SnmpPdu? Respond(SnmpPdu request, bool mayWrite, Func<SnmpPdu, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fits);
        var context = agent.ReadContext();
        var response = request.Type switch
        {
            PduType.GetRequest => Success(request, [.. request.VarBinds.Select(v => new VarBind(v.Oid, mib.Get(v.Oid, context)))]),
            PduType.GetNextRequest => Success(request, [.. request.VarBinds.Select(v => mib.GetNext(v.Oid, context))]),
            PduType.GetBulkRequest => Success(request, Bulk(request, context)),
            PduType.SetRequest => Set(request, mayWrite),
            _ => throw new ArgumentException($"{request.Type} is not a request an agent answers", nameof(request)),
        };

        if (fits(response))
        {
            return response;
        }

        if (request.Type == PduType.GetBulkRequest && Truncate(response, fits) is { } cut)
        {
            return cut;
        }

        var tooBig = new SnmpPdu(PduType.Response, request.RequestId, SnmpErrorStatus.TooBig, 0, []);
        return fits(tooBig) ? tooBig : null;
    }

    private static SnmpPdu Success(SnmpPdu request, ImmutableArray<VarBind> varBinds) =>
        new(PduType.Response, request.RequestId, SnmpErrorStatus.NoError, 0, varBinds);

    private static SnmpPdu Error(SnmpPdu request, SnmpErrorStatus status, int index) =>
        new(PduType.Response, request.RequestId, status, index, request.VarBinds);

    /// <summary>The longest prefix of the bulk response's varbinds that fits; null when not even one does.</summary>
    private static SnmpPdu? Truncate(SnmpPdu response, Func<SnmpPdu, bool> fits)
    {
        int low = 0, high = response.VarBinds.Length - 1;
        while (low < high)
        {
            int middle = (low + high + 1) >>> 1;
            if (fits(response with { VarBinds = response.VarBinds[..middle] }))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low > 0 ? response with { VarBinds = response.VarBinds[..low] } : null;
    }

    private ImmutableArray<VarBind> Bulk(SnmpPdu request, MibReadContext context)
    {
        var names = request.VarBinds;
        int nonRepeaters = Math.Clamp(request.NonRepeaters, 0, names.Length);
        int maxRepetitions = Math.Max(request.MaxRepetitions, 0);
        int repeaters = names.Length - nonRepeaters;
        int limit = (agent.Options.MaxMessageSize / MinVarBindOctets) + 1;
        var result = ImmutableArray.CreateBuilder<VarBind>();
        for (int i = 0; i < nonRepeaters; i++)
        {
            result.Add(mib.GetNext(names[i].Oid, context));
        }

        if (repeaters == 0)
        {
            return result.ToImmutable();
        }

        var last = names[nonRepeaters..].Select(v => v.Oid).ToArray();
        var ended = new bool[repeaters];
        for (int repetition = 0; repetition < maxRepetitions && result.Count < limit; repetition++)
        {
            for (int r = 0; r < repeaters; r++)
            {
                var next = ended[r] ? new VarBind(last[r], SnmpValue.EndOfMibView) : mib.GetNext(last[r], context);
                ended[r] = next.Value.Type == SnmpValueType.EndOfMibView;
                last[r] = next.Oid;
                result.Add(next);
            }

            if (Array.TrueForAll(ended, e => e))
            {
                break;
            }
        }

        return result.ToImmutable();
    }

    private SnmpPdu Set(SnmpPdu request, bool mayWrite)
    {
        if (!mayWrite)
        {
            agent.Counters.Increment(SnmpCounter.BadCommunityUses);
            return Error(request, SnmpErrorStatus.NoAccess, request.VarBinds.IsEmpty ? 0 : 1);
        }

        var writes = new MibWrite[request.VarBinds.Length];
        for (int i = 0; i < request.VarBinds.Length; i++)
        {
            var varBind = request.VarBinds[i];
            var instance = mib.Find(varBind.Oid);
            if (instance?.Write is not { } write)
            {
                // A read-only object or a name under none: notWritable; a missing instance of a writable object
                // (sysContact.1): noCreation, as rows are never created (RFC 3416 4.2.5 steps 2 and 7).
                var status = instance is null && mib.IsUnderWritableObject(varBind.Oid) ? SnmpErrorStatus.NoCreation : SnmpErrorStatus.NotWritable;
                return Error(request, status, i + 1);
            }

            var check = write.Check(varBind.Value);
            if (check != SnmpErrorStatus.NoError)
            {
                return Error(request, check, i + 1);
            }

            writes[i] = write;
        }

        for (int i = 0; i < writes.Length; i++)
        {
            writes[i].Apply(request.VarBinds[i].Value);
        }

        return Success(request, request.VarBinds);
    }
}
