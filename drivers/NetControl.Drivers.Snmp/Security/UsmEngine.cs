using System.Buffers.Binary;
using System.Collections.Immutable;

namespace NetControl.Drivers.Snmp.Security;

/// <summary>
/// The local authoritative SNMP engine of an agent or a notification receiver: its snmpEngineID, snmpEngineBoots
/// (restarts, persisted and incremented by the caller) and snmpEngineTime (seconds since this instance was created,
/// from the <see cref="TimeProvider"/>). When the time would pass 2^31-1 the boots go up by one and the time starts
/// again at zero (RFC 3414 2.2.2); boots stop at <see cref="UsmTimeWindow.MaxBoots"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <see cref="CreateEngineId(string)"/> builds RFC 3411 engine IDs the way net-snmp's <c>engineID</c> directive does:
/// the enterprise number 8072 (net-snmp) with the high bit set, then format 4 (text). NetControl has no private
/// enterprise number of its own yet; when it gets one, only <see cref="EnterpriseNumber"/> changes.
/// </remarks>
public sealed class UsmEngine
{
    /// <summary>IANA private enterprise number in generated engine IDs (8072, net-snmp's; a placeholder).</summary>
    public const int EnterpriseNumber = 8072;

    /// <summary>RFC 3411 engine ID format octet: administratively assigned text.</summary>
    public const byte TextFormat = 4;

    /// <summary>RFC 3411 engine ID format octet: administratively assigned octets.</summary>
    public const byte OctetsFormat = 5;

    /// <summary>Longest text or octets after the five-octet prefix (32 - 5).</summary>
    public const int MaxSuffixLength = UsmKeys.MaxEngineIdLength - 5;

    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly int _boots;

    /// <summary>An engine with <paramref name="engineId"/> (5 to 32 octets) that has booted <paramref name="boots"/> times.</summary>
    public UsmEngine(ImmutableArray<byte> engineId, int boots, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (engineId.IsDefault)
        {
            throw new ArgumentException("snmpEngineID must not be a default ImmutableArray", nameof(engineId));
        }

        UsmKeys.CheckEngineId(engineId.AsSpan());
        ArgumentOutOfRangeException.ThrowIfNegative(boots);
        EngineId = engineId;
        _boots = boots;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>snmpEngineID.</summary>
    public ImmutableArray<byte> EngineId { get; }

    /// <summary>snmpEngineBoots now.</summary>
    public int Boots => Now().Boots;

    /// <summary>snmpEngineTime now: whole seconds since start (modulo 2^31-1).</summary>
    public int Time => Now().Time;

    /// <summary>snmpEngineID as net-snmp's <c>engineID</c> makes it: 80 00 1F 88 04 and <paramref name="text"/> (1 to 27 printable ASCII characters).</summary>
    public static ImmutableArray<byte> CreateEngineId(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text.Length > MaxSuffixLength || !text.All(c => c is >= ' ' and <= '~'))
        {
            throw new ArgumentException($"engine ID text must be 1 to {MaxSuffixLength} printable ASCII characters, got '{text}'", nameof(text));
        }

        return Build(TextFormat, System.Text.Encoding.ASCII.GetBytes(text));
    }

    /// <summary>snmpEngineID in format 5: 80 00 1F 88 05 and <paramref name="octets"/> (1 to 27 of them).</summary>
    public static ImmutableArray<byte> CreateEngineId(ReadOnlySpan<byte> octets)
    {
        if (octets.Length is 0 or > MaxSuffixLength)
        {
            throw new ArgumentException($"engine ID octets must be 1 to {MaxSuffixLength} long, got {octets.Length}", nameof(octets));
        }

        return Build(OctetsFormat, octets);
    }

    /// <summary>Boots and time read together (they change together when the time wraps).</summary>
    public (int Boots, int Time) Now()
    {
        long seconds = (long)_time.GetElapsedTime(_started).TotalSeconds;
        long wraps = seconds / int.MaxValue;
        long boots = Math.Min(_boots + wraps, UsmTimeWindow.MaxBoots);
        return ((int)boots, (int)(seconds % int.MaxValue));
    }

    /// <summary>RFC 3414 3.2.7.a against this engine's boots and time now.</summary>
    public bool IsInWindow(int msgBoots, int msgTime)
    {
        var (boots, time) = Now();
        return UsmTimeWindow.IsInWindowAuthoritative(boots, time, msgBoots, msgTime);
    }

    private static ImmutableArray<byte> Build(byte format, ReadOnlySpan<byte> suffix)
    {
        var id = new byte[5 + suffix.Length];
        BinaryPrimitives.WriteInt32BigEndian(id, EnterpriseNumber | unchecked((int)0x8000_0000));
        id[4] = format;
        suffix.CopyTo(id.AsSpan(5));
        return ImmutableArray.Create(id);
    }
}
