using System.Formats.Asn1;
using System.Text;

namespace NetControl.Drivers.Snmp.Tests.Security;

/// <summary>The USM fields of a captured SNMPv3 authPriv message, read with <see cref="AsnReader"/>.</summary>
internal sealed record CapturedUsmMessage(
    byte[] Message,
    byte[] EngineId,
    int Boots,
    int Time,
    string UserName,
    byte[] AuthParameters,
    byte[] PrivParameters,
    byte[] EncryptedPdu,
    int AuthOffset)
{
    public static CapturedUsmMessage Parse(string hex)
    {
        byte[] message = Hex.Bytes(hex);
        var outer = new AsnReader(message, AsnEncodingRules.BER);
        var sequence = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        Assert.Equal(3, (int)sequence.ReadInteger());
        sequence.ReadSequence(); // msgGlobalData
        byte[] securityParameters = sequence.ReadOctetString();
        byte[] encrypted = sequence.ReadOctetString();
        sequence.ThrowIfNotEmpty();

        var usmOuter = new AsnReader(securityParameters, AsnEncodingRules.BER);
        var usm = usmOuter.ReadSequence();
        usmOuter.ThrowIfNotEmpty();
        byte[] engineId = usm.ReadOctetString();
        int boots = (int)usm.ReadInteger();
        int time = (int)usm.ReadInteger();
        string user = Encoding.UTF8.GetString(usm.ReadOctetString());
        byte[] auth = usm.ReadOctetString();
        byte[] priv = usm.ReadOctetString();
        usm.ThrowIfNotEmpty();

        int offset = message.AsSpan().IndexOf(auth);
        Assert.Equal(offset, message.AsSpan().LastIndexOf(auth));
        return new CapturedUsmMessage(message, engineId, boots, time, user, auth, priv, encrypted, offset);
    }

    /// <summary>The message with msgAuthenticationParameters zero-filled, as the MAC is computed over it.</summary>
    public byte[] WithZeroedMac()
    {
        byte[] copy = (byte[])Message.Clone();
        Array.Clear(copy, AuthOffset, AuthParameters.Length);
        return copy;
    }
}
