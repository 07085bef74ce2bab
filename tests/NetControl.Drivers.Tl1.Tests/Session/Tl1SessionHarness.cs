using Microsoft.Extensions.Logging;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Drivers.Tl1.Tests.Session;

/// <summary>What session and driver tests share: options on virtual time, a well-behaved element, a started session.</summary>
internal static class Tl1SessionHarness
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>SW1, admin / s3cret-pw, a 10 s command timeout, keep-alives off unless given, reconnect after 1 s.</summary>
    public static Tl1SessionOptions Options(TimeSpan? keepAlive = null) => new()
    {
        Device = "SW1",
        UserName = "admin",
        Password = "s3cret-pw",
        CommandTimeout = TimeSpan.FromSeconds(10),
        KeepAliveInterval = keepAlive ?? Timeout.InfiniteTimeSpan,
        ReconnectInitialDelay = TimeSpan.FromSeconds(1),
    };

    /// <summary>Answers ACT-USER, CANC-USER and RTRV-HDR COMPLD; everything else goes to <paramref name="other"/>.</summary>
    public static Func<Tl1Command, ScriptedTl1Peer.PeerConnection, Task> Element(Func<Tl1Command, ScriptedTl1Peer.PeerConnection, Task>? other = null) =>
        (command, connection) => command.Code switch
        {
            "ACT-USER" or "CANC-USER" or "RTRV-HDR" => connection.SendAsync(ScriptedTl1Peer.Completed(command)),
            _ => other?.Invoke(command, connection) ?? connection.SendAsync(ScriptedTl1Peer.Completed(command, $"{command.Aid}:OK")),
        };

    public static async Task<Tl1Session> StartAsync(ScriptedTl1Peer peer, TimeProvider time, Tl1SessionOptions? options = null, ILogger<Tl1Session>? logger = null)
    {
        var session = new Tl1Session(new TcpTl1Transport("127.0.0.1", peer.Port), options ?? Options(), logger, time);
        await session.StartAsync().WaitAsync(Wait);
        return session;
    }

    /// <summary>The events published so far.</summary>
    public static List<Tl1SessionEvent> Drain(Tl1Session session)
    {
        var list = new List<Tl1SessionEvent>();
        while (session.Events.TryRead(out var e))
        {
            list.Add(e);
        }

        return list;
    }
}
