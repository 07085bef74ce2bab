using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Tests.Codec;

/// <summary>Network element output in canonical form (as the writer emits it) with the message it means; from shared/PROTOCOLS.md.</summary>
internal static class Tl1Samples
{
    public static readonly DateTime Time = new(2024, 3, 5, 14, 2, 11);

    public const string GlimmerglassCrsLine =
        "GGN:IPORTID=10002,IPORTNAME=,OPORTID=20015,OPORTNAME=,CONNID=0,CONNSTATE=steady,CONNCAUSE=,INPWR=-3.1,OUTPWR=-4.0,PWRLOSS=0.9,CONNLOCK=0,CONNLOCKUSER=";

    public const string CalientTwoWayLine =
        "10.13a.1-10.13a.2:SRCPORT=10.13a.1,DSTPORT=10.13a.2,GRPNAME=G,CONNNAME=N,CONNTYPE=2WAY,AS=IS,OS=IS,OC=OK,PS=UPR,AL=CL";

    public const string CalientOneWayLine =
        "10.13a.3>10.13a.4:SRCPORT=10.13a.3,DSTPORT=10.13a.4,GRPNAME=G,CONNNAME=M,CONNTYPE=1WAY,AS=IS,OS=IS,OC=OK,PS=UPR,AL=CL";

    public const string LosLine = "10.13a.1:CR,LOS,SA,03-05,14-02-11:\"Loss of light\"";

    /// <summary>An alarm line with the optional location and direction fields.</summary>
    public const string LosLineWithLocation = "10.13a.1:MJ,LOS,SA,03-05,14-02-11,NEND,RCV:\"Loss of light\"";

    public const string GlimmerglassSingleLine =
        "GGN:IPORTID=10003,IPORTNAME=,OPORTID=0,OPORTNAME=,CONNID=0,CONNSTATE=single,CONNCAUSE=,INPWR=-40.0,OUTPWR=,PWRLOSS=,CONNLOCK=0,CONNLOCKUSER=";

    public const string GlimmerglassCfgLine = "GGN:PORTID=10001,PORTNAME=,PORTDIR=input,PORTHEALTH=good";

    public const string CalientDetEqptLine = "10.13a.1:INOPTICALPOWER=-3.2,OUTOPTICALPOWERWORKING=-4.1";

    public static readonly (string Name, string Text, Tl1Message Message)[] All =
    [
        ("glimmerglass-rtrv-crs-fiber",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  7 COMPLD\r\n   \"" + GlimmerglassCrsLine + "\"\r\n;",
            Response("GGN", "7", Tl1CompletionCode.Completed, null, [], [GlimmerglassCrsLine], more: false)),
        ("glimmerglass-rtrv-port-power",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  8 COMPLD\r\n   \"GGN:PORTID=10001,PORTPOWER=-3.2\"\r\n   \"GGN:PORTID=20001,PORTPOWER=-25.0\"\r\n;",
            Response("GGN", "8", Tl1CompletionCode.Completed, null, [], ["GGN:PORTID=10001,PORTPOWER=-3.2", "GGN:PORTID=20001,PORTPOWER=-25.0"], more: false)),
        ("calient-rtrv-crs",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\nM  C1 COMPLD\r\n   \"" + CalientTwoWayLine + "\"\r\n   \"" + CalientOneWayLine + "\"\r\n;",
            Response("PXC-1", "C1", Tl1CompletionCode.Completed, null, [], [CalientTwoWayLine, CalientOneWayLine], more: false)),
        ("deny-iiac",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  9 DENY\r\n   IIAC\r\n   /* Invalid AID: 30001 */\r\n;",
            Response("GGN", "9", Tl1CompletionCode.Denied, "IIAC", ["Invalid AID: 30001"], [], more: false)),
        ("rept-alm-los",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\n*C 12 REPT ALM EQPT\r\n   \"10.13a.1:CR,LOS,SA,03-05,14-02-11:\\\"Loss of light\\\"\"\r\n;",
            new Tl1AutonomousMessage(new Tl1Header("PXC-1", Time), Tl1AlarmCode.Critical, 12, "REPT ALM EQPT", [LosLine])),
        ("rept-alm-clear",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\nA  13 REPT ALM EQPT\r\n   \"10.13a.1:CL,LOS,SA,03-05,14-02-19\"\r\n;",
            new Tl1AutonomousMessage(new Tl1Header("PXC-1", Time), Tl1AlarmCode.NonAlarm, 13, "REPT ALM EQPT", ["10.13a.1:CL,LOS,SA,03-05,14-02-19"])),
        ("rept-evt-minor-no-lines",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\n*  14 REPT EVT\r\n;",
            new Tl1AutonomousMessage(new Tl1Header("PXC-1", Time), Tl1AlarmCode.Minor, 14, "REPT EVT", [])),
        ("rept-dbchg-major",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\n** 15 REPT DBCHG\r\n   \"ENT-CRS\"\r\n;",
            new Tl1AutonomousMessage(new Tl1Header("PXC-1", Time), Tl1AlarmCode.Major, 15, "REPT DBCHG", ["ENT-CRS"])),
        ("multi-part-first",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  10 COMPLD\r\n   \"GGN:PORTID=10001,PORTPOWER=-3.2\"\r\n>",
            Response("GGN", "10", Tl1CompletionCode.Completed, null, [], ["GGN:PORTID=10001,PORTPOWER=-3.2"], more: true)),
        ("rtrv-intermediate",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  11 RTRV\r\n   \"GGN:PORTID=10001,PORTPOWER=-3.2\"\r\n;",
            Response("GGN", "11", Tl1CompletionCode.Retrieving, null, [], ["GGN:PORTID=10001,PORTPOWER=-3.2"], more: false)),
        ("compld-empty",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  12 COMPLD\r\n;",
            Response("GGN", "12", Tl1CompletionCode.Completed, null, [], [], more: false)),
        ("prtl-delay-comments",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  13 PRTL\r\n   /* first */\r\n   /* second; with > signs */\r\n   \"a\\\\b\"\r\n;",
            Response("GGN", "13", Tl1CompletionCode.Partial, null, ["first", "second; with > signs"], ["a\\b"], more: false)),
        ("ack-in-progress", "IP 5\r\n<", new Tl1Acknowledgment(Tl1AckCode.InProgress, "5")),
        ("ack-repeat-later", "RL ab12\r\n<", new Tl1Acknowledgment(Tl1AckCode.RepeatLater, "ab12")),
        ("ack-printout-follows", "PF 6\r\n<", new Tl1Acknowledgment(Tl1AckCode.PrintoutFollows, "6")),
        ("ack-ok", "OK 7\r\n<", new Tl1Acknowledgment(Tl1AckCode.Ok, "7")),
        ("ack-no-acknowledgment", "NA 8\r\n<", new Tl1Acknowledgment(Tl1AckCode.NoAcknowledgment, "8")),
        ("ack-no-good", "NG C9\r\n<", new Tl1Acknowledgment(Tl1AckCode.NoGood, "C9")),
        ("glimmerglass-rtrv-crs-fiber-single",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  14 COMPLD\r\n   \"" + GlimmerglassSingleLine + "\"\r\n;",
            Response("GGN", "14", Tl1CompletionCode.Completed, null, [], [GlimmerglassSingleLine], more: false)),
        ("glimmerglass-rtrv-cfg-fiber",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  15 COMPLD\r\n   \"" + GlimmerglassCfgLine + "\"\r\n   \"GGN:PORTID=20001,PORTNAME=,PORTDIR=output,PORTHEALTH=good\"\r\n;",
            Response("GGN", "15", Tl1CompletionCode.Completed, null, [], [GlimmerglassCfgLine, "GGN:PORTID=20001,PORTNAME=,PORTDIR=output,PORTHEALTH=good"], more: false)),
        ("calient-rtrv-det-eqpt",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\nM  C2 COMPLD\r\n   \"" + CalientDetEqptLine + "\"\r\n;",
            Response("PXC-1", "C2", Tl1CompletionCode.Completed, null, [], [CalientDetEqptLine], more: false)),
        ("calient-rtrv-alm-all",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\nM  C3 COMPLD\r\n   \"10.13a.1:CR,LOS,SA,03-05,14-02-11:\\\"Loss of light\\\"\"\r\n;",
            Response("PXC-1", "C3", Tl1CompletionCode.Completed, null, [], [LosLine], more: false)),
        ("deny-merr",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  16 DENY\r\n   MERR\r\n   /* IIAC: 30001; IPNV: X */\r\n;",
            Response("GGN", "16", Tl1CompletionCode.Denied, "MERR", ["IIAC: 30001; IPNV: X"], [], more: false)),
        ("delay",
            "\r\n\n   GGN 24-03-05 14:02:11\r\nM  17 DELAY\r\n;",
            Response("GGN", "17", Tl1CompletionCode.Delayed, null, [], [], more: false)),
        ("rept-alm-los-location-direction",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\n** 16 REPT ALM EQPT\r\n   \"10.13a.1:MJ,LOS,SA,03-05,14-02-11,NEND,RCV:\\\"Loss of light\\\"\"\r\n;",
            new Tl1AutonomousMessage(new Tl1Header("PXC-1", Time), Tl1AlarmCode.Major, 16, "REPT ALM EQPT", [LosLineWithLocation])),
        ("rept-stat",
            "\r\n\n   PXC-1 24-03-05 14:02:11\r\nA  17 REPT STAT\r\n;",
            new Tl1AutonomousMessage(new Tl1Header("PXC-1", Time), Tl1AlarmCode.NonAlarm, 17, "REPT STAT", [])),
    ];

    public static Tl1Response Response(string sid, string ctag, Tl1CompletionCode code, string? errorCode, string[] comments, string[] lines, bool more) =>
        new(new Tl1Header(sid, Time), ctag, code, errorCode, [.. comments], [.. lines], more);

    public static IEnumerable<object[]> Names() => All.Select(s => new object[] { s.Name });

    public static (string Name, string Text, Tl1Message Message) Get(string name) => All.Single(s => s.Name == name);
}
