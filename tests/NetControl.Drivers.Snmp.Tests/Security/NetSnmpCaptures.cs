namespace NetControl.Drivers.Snmp.Tests.Security;

/// <summary>
/// authPriv messages exchanged between net-snmp 5.9.3's <c>snmpget -d -v3 -l authPriv</c> and the <c>snmpd</c> of
/// <see cref="UsmTestVectors"/> (hex dumps of the packets after discovery), with the scopedPDUs they carry as
/// decrypted by Python's <c>cryptography</c> (AES-128-CFB, IV = boots | time | salt) after checking their MACs with
/// <c>hmac</c>. Requests ask for sysDescr.0 (SHA-1 user) and sysName.0 (SHA-256 user).
/// </summary>
internal static class NetSnmpCaptures
{
    public static readonly TheoryData<string, string> All = new()
    {
        { nameof(Sha1Request), Sha1Request },
        { nameof(Sha1Response), Sha1Response },
        { nameof(Sha256Request), Sha256Request },
        { nameof(Sha256Response), Sha256Response },
    };

    public const string Sha1Request =
        "308192020103301102044143a142020300ffe30401070201030440303e041480001f88046e6574636f6e74726f6c2d7465737402010102"
        + "010c04087368613175736572040c6f093272bfb0562c36da276604087e066bb3a73c82a104381311f672d4b7aaa62d37ffdb331ef549"
        + "9d30f797af4f342e8758c89f2cb299668d78aacd775584ef24c9a37eaa4323c222c9cfbacbd05e16";

    public const string Sha1RequestScopedPdu =
        "3036041480001f88046e6574636f6e74726f6c2d746573740400a01c020479fdc959020100020100300e300c06082b060102010101000500";

    public const string Sha1Response =
        "3081a5020103301102044143a142020300ffe30401030201030440303e041480001f88046e6574636f6e74726f6c2d74657374020101"
        + "02010c04087368613175736572040c5a003a6fc6ff035dc89c263e04085e01517649907568044bfded919a427a9e0e4a79064d4cba23"
        + "4b2fb56a842503a6074a25e87adf3b21f74ec47014d53c817795b06f010705aa6a89571b3c2e54eeb91c817a5b573ce64371d7d7bba2"
        + "389ec8456e4c";

    public const string Sha1ResponseScopedPdu =
        "3049041480001f88046e6574636f6e74726f6c2d746573740400a22f020479fdc9590201000201003021301f06082b0601020101010004"
        + "134e6574436f6e74726f6c2055534d2074657374";

    public const string Sha256Request =
        "3081a00201033011020463f44d0e020300ffe3040107020103044e304c041480001f88046e6574636f6e74726f6c2d74657374020101"
        + "02010c040a736861323536757365720418883264d84c06ffccbe7ee8a5946254f3633294f007a6e8140408488ac2e6103cd18d04383830"
        + "e504b791ea549479c304737d9c41e83753f75f4108383e53d07a64196a597857c11d0d444dec4be482580cc0692c3a2a1928e1c57945";

    public const string Sha256RequestScopedPdu =
        "3036041480001f88046e6574636f6e74726f6c2d746573740400a01c02042aec2459020100020100300e300c06082b060102010105000500";

    public const string Sha256Response =
        "3081a20201033011020463f44d0e020300ffe3040103020103044e304c041480001f88046e6574636f6e74726f6c2d74657374020101"
        + "02010c040a736861323536757365720418ae87ae0ea2600506eb438cf99100d294cc94d0e69f6682d104085e01517649907569043a95"
        + "c89fd001d58eb95a6db0ce5756c4a878094c603748f587188e1fb5db2bfae9cdce1f29215297c9aefe18431a1f2458ae59092ac06ff6"
        + "da47bf";

    public const string Sha256ResponseScopedPdu =
        "3038041480001f88046e6574636f6e74726f6c2d746573740400a21e02042aec24590201000201003010300e06082b060102010105000402"
        + "766d";

    public static string ScopedPdu(string name) => name switch
    {
        nameof(Sha1Request) => Sha1RequestScopedPdu,
        nameof(Sha1Response) => Sha1ResponseScopedPdu,
        nameof(Sha256Request) => Sha256RequestScopedPdu,
        nameof(Sha256Response) => Sha256ResponseScopedPdu,
        _ => throw new ArgumentException($"no capture named {name}", nameof(name)),
    };
}
