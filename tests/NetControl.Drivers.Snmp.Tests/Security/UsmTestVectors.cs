namespace NetControl.Drivers.Snmp.Tests.Security;

/// <summary>
/// Expected values and where they come from.
/// <list type="bullet">
/// <item>RFC 3414 appendix A.3.2: password "maplesyrup", engine 00..02, SHA-1 master and localized keys.</item>
/// <item>SHA-256 for the same inputs: RFC 7860 publishes no vector. The values match a plain Python hashlib
/// transcription of RFC 3414 A.2 and the vectors in other public USM test suites; the net-snmp cross-check below pins
/// the same code path for SHA-256 independently.</item>
/// <item>net-snmp 5.9.3 (Debian <c>snmpd</c>): started as <c>snmpd -C -c conf -Lo -f</c> on udp:127.0.0.1:16161 with
/// <c>SNMP_PERSISTENT_DIR</c> set to a temp directory and the configuration
/// <c>engineID netcontrol-test</c>, <c>createUser sha1user SHA maplesyrup AES privsyrup1</c>,
/// <c>createUser sha256user SHA-256 maplesyrup AES privsyrup2</c>. Its persistent snmpd.conf then held
/// <c>oldEngineID</c> and the <c>usmUser</c> lines with the localized auth and privacy keys copied here.</item>
/// </list>
/// </summary>
internal static class UsmTestVectors
{
    public const string Password = "maplesyrup";

    public static readonly byte[] RfcEngineId = Hex.Bytes("00 00 00 00 00 00 00 00 00 00 00 02");

    public const string Sha1MasterKey = "9f b5 cc 03 81 49 7b 37 93 52 89 39 ff 78 8d 5d 79 14 52 11";
    public const string Sha1LocalizedKey = "66 95 fe bc 92 88 e3 62 82 23 5f c7 15 1f 12 84 97 b3 8f 3f";

    public const string Sha256MasterKey = "ab51014d1e077f6017df2b12bee5f5aa72993177e9bb569c4dff5a4ca0b4afac";
    public const string Sha256LocalizedKey = "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b";

    /// <summary>net-snmp's snmpEngineID for <c>engineID netcontrol-test</c> (its persistent <c>oldEngineID</c>).</summary>
    public const string NetSnmpEngineId = "80001f88046e6574636f6e74726f6c2d74657374";

    public const string NetSnmpSha1User = "sha1user";
    public const string NetSnmpSha1PrivPassword = "privsyrup1";
    public const string NetSnmpSha1AuthKey = "17f4c660b84d4fe77a95c9242131c1d2d5f8563c";
    public const string NetSnmpSha1PrivKey = "87254accfcdca9c9fed238387044cdc0";

    public const string NetSnmpSha256User = "sha256user";
    public const string NetSnmpSha256PrivPassword = "privsyrup2";
    public const string NetSnmpSha256AuthKey = "4880c7b781f2d57bd6fb5a8747d4db5fd9ba829cfe481de078cf122510b71baa";
    public const string NetSnmpSha256PrivKey = "904249fc3872abc1a7b96e2bec9415dc";
}
