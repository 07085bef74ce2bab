using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Tests.Shared;
using static NetControl.Drivers.Tl1.Tests.Session.Tl1SessionHarness;

namespace NetControl.Drivers.Tl1.Tests.Session;

/// <summary>
/// The session against a scripted TL1 element on a real loopback TCP connection; timeouts, keep-alives and reconnect
/// delays run on virtual time, so only the test moves the clock.
/// </summary>
public sealed class Tl1SessionTests
{
    [Fact]
    public async Task StartAsync_Element_LogsInWithActUserAndPassword()
    {
        await using var peer = new ScriptedTl1Peer(Element());
        await using var session = await StartAsync(peer, new ManualTimeProvider());

        var login = Assert.Single(peer.Received);
        Assert.Equal("ACT-USER", login.Code);
        Assert.Equal("admin", login.Aid);
        Assert.Equal("s3cret-pw", login.PayloadAt(0));
        Assert.Equal(Tl1SessionState.Ready, session.State);
    }

    [Fact]
    public async Task SendAsync_TwentyOutstandingAnsweredInReverse_EachGetsItsOwnResult()
    {
        var held = new ConcurrentBag<Tl1Command>();
        ScriptedTl1Peer.PeerConnection? conn = null;
        await using var peer = new ScriptedTl1Peer(Element((command, connection) =>
        {
            conn = connection;
            held.Add(command);
            return Task.CompletedTask;
        }));
        await using var session = await StartAsync(peer, new ManualTimeProvider());

        var sends = Enumerable.Range(1, 20).Select(i => session.SendAsync("RTRV-CRS-FIBER", $"{10000 + i}")).ToList();
        await Eventually.TrueAsync(() => held.Count == 20);
        Assert.Equal(20, session.Outstanding);
        Assert.Equal(20, held.Select(c => c.Ctag).Distinct().Count());
        foreach (var command in held.OrderByDescending(c => c.Aid, StringComparer.Ordinal))
        {
            await conn!.SendAsync(ScriptedTl1Peer.Completed(command, $"GGN:IPORTID={command.Aid}"));
        }

        var results = await Task.WhenAll(sends).WaitAsync(Wait);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal($"GGN:IPORTID={10001 + i}", Assert.Single(results[i].Lines));
        }
    }

    [Fact]
    public async Task SendAsync_MultiPartAndIntermediateRtrv_CollectsEveryLineInOrder()
    {
        await using var peer = new ScriptedTl1Peer(Element(async (command, connection) =>
        {
            var header = new Tl1Header("SIM", new DateTime(2026, 11, 23, 12, 0, 0));
            await connection.SendAsync(new Tl1Response(header, command.Ctag, Tl1CompletionCode.Retrieving, null, [], ["a:1"], false));
            await connection.SendAsync(new Tl1Response(header, command.Ctag, Tl1CompletionCode.Completed, null, [], ["b:2"], true));
            await connection.SendAsync(new Tl1Response(header, command.Ctag, Tl1CompletionCode.Completed, null, ["last"], ["c:3"], false));
        }));
        await using var session = await StartAsync(peer, new ManualTimeProvider());

        var result = await session.SendAsync("RTRV-CRS", "ALL").WaitAsync(Wait);

        Assert.Equal(["a:1", "b:2", "c:3"], result.Lines.ToArray());
        Assert.Equal(["last"], result.Comments.ToArray());
        Assert.Equal(Tl1CompletionCode.Completed, result.Code);
    }

    [Fact]
    public async Task SendAsync_Denied_ThrowsWithErrorCodeNotTransient()
    {
        await using var peer = new ScriptedTl1Peer(Element((command, connection) => connection.SendAsync(ScriptedTl1Peer.Denied(command, "SRAC"))));
        await using var session = await StartAsync(peer, new ManualTimeProvider());

        var error = await Assert.ThrowsAsync<Tl1DeniedException>(() => session.SendAsync("ENT-CRS-FIBER", "10001,20002").WaitAsync(Wait));

        Assert.Equal("SRAC", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Contains("SW1: ENT-CRS-FIBER denied: SRAC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NoResponse_TimesOutAndLateResponseIsDropped()
    {
        var time = new ManualTimeProvider();
        Tl1Command? hung = null;
        ScriptedTl1Peer.PeerConnection? conn = null;
        await using var peer = new ScriptedTl1Peer(Element((command, connection) =>
        {
            (hung, conn) = (command, connection);
            return Task.CompletedTask;
        }));
        var logger = new LogCapture();
        await using var session = await StartAsync(peer, time, logger: logger.For<Tl1Session>());

        var send = session.SendAsync("RTRV-CRS-FIBER", "all");
        await Eventually.TrueAsync(() => hung is not null);
        time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<Tl1TimeoutException>(() => send.WaitAsync(Wait));
        Assert.True(error.IsTransient);
        Assert.Equal(0, session.Outstanding);

        // The late answer is logged and dropped; the session keeps working.
        await conn!.SendAsync(ScriptedTl1Peer.Completed(hung!, "late"));
        var next = session.SendAsync("RTRV-HDR");
        Assert.Equal(Tl1CompletionCode.Completed, (await next.WaitAsync(Wait)).Code);
        Assert.Contains(logger.Messages(), l => l.Contains($"response for ctag {hung!.Ctag} that nothing awaits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_InProgressAcknowledgment_RestartsTheTimeoutOnce()
    {
        var time = new ManualTimeProvider();
        Tl1Command? slow = null;
        ScriptedTl1Peer.PeerConnection? conn = null;
        await using var peer = new ScriptedTl1Peer(Element((command, connection) =>
        {
            (slow, conn) = (command, connection);
            return Task.CompletedTask;
        }));
        await using var session = await StartAsync(peer, time);
        var send = session.SendAsync("RTRV-CRS-FIBER", "all");
        await Eventually.TrueAsync(() => slow is not null);

        // 8 s in, "IP": the 10 s wait starts again, so 16 s after sending the command is still waiting.
        time.Advance(TimeSpan.FromSeconds(8));
        await conn!.SendAsync(new Tl1Acknowledgment(Tl1AckCode.InProgress, slow!.Ctag));
        await Eventually.TrueAsync(() => session.AcknowledgmentsSeen == 1);
        time.Advance(TimeSpan.FromSeconds(8));
        Assert.False(send.IsCompleted);
        await conn.SendAsync(ScriptedTl1Peer.Completed(slow, "done"));

        Assert.Equal(["done"], (await send.WaitAsync(Wait)).Lines.ToArray());
    }

    [Fact]
    public async Task ConnectionDropped_OutstandingFailsThenSessionReconnectsLogsInAndAsksForResync()
    {
        var time = new ManualTimeProvider();
        await using var peer = new ScriptedTl1Peer(Element((command, connection) =>
        {
            connection.Drop();
            return Task.CompletedTask;
        }));
        await using var session = await StartAsync(peer, time);

        var error = await Assert.ThrowsAsync<Tl1ConnectionLostException>(() => session.SendAsync("ENT-CRS-FIBER", "10001,20002").WaitAsync(Wait));
        Assert.True(error.IsTransient);

        await Eventually.TrueAsync(() => time.PendingTimers > 0 && session.State == Tl1SessionState.Reconnecting);
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => session.State == Tl1SessionState.Ready && peer.Connections == 2);

        Assert.Equal(2, peer.Received.Count(c => c.Code == "ACT-USER"));
        var events = Drain(session);
        Assert.Contains(events, e => e is Tl1SessionEvent.ResyncNeeded r && r.Reason.Contains("reconnected", StringComparison.Ordinal));
        Assert.Contains(events, e => e is Tl1SessionEvent.StateChanged { State: Tl1SessionState.Reconnecting });
    }

    [Fact]
    public async Task Autonomous_AtagGap_PublishesResyncBeforeTheMessage()
    {
        await using var peer = new ScriptedTl1Peer(Element());
        await using var session = await StartAsync(peer, new ManualTimeProvider());
        var header = new Tl1Header("SIM", new DateTime(2026, 11, 23, 12, 0, 0));
        foreach (int atag in new[] { 65534, 65535, 1, 3 })
        {
            await peer.Current!.SendAsync(new Tl1AutonomousMessage(header, Tl1AlarmCode.Critical, atag, "REPT ALM EQPT", ["1.1a.1:CR,LOS,SA,11-23,12-00-00:\"loss of light\""]));
        }

        var seen = new List<Tl1SessionEvent>();
        while (seen.Count(e => e is Tl1SessionEvent.Autonomous) < 4)
        {
            seen.Add(await session.Events.ReadAsync().AsTask().WaitAsync(Wait));
        }

        var relevant = seen.Where(e => e is not Tl1SessionEvent.StateChanged).ToList();
        Assert.Equal(5, relevant.Count);
        Assert.Equal("ATAG gap: expected 2, got 3", Assert.IsType<Tl1SessionEvent.ResyncNeeded>(relevant[3]).Reason);
        Assert.Equal(3, Assert.IsType<Tl1SessionEvent.Autonomous>(relevant[4]).Message.Atag);
    }

    [Fact]
    public async Task KeepAlive_IdleForTheInterval_SendsRtrvHdr()
    {
        var time = new ManualTimeProvider();
        await using var peer = new ScriptedTl1Peer(Element());
        await using var session = await StartAsync(peer, time, Options(keepAlive: TimeSpan.FromSeconds(30)));
        await Eventually.TrueAsync(() => time.PendingTimers > 0);

        time.Advance(TimeSpan.FromSeconds(31));

        await Eventually.TrueAsync(() => peer.Received.Any(c => c.Code == "RTRV-HDR"));
    }

    [Fact]
    public async Task SendAsync_PlnaRightAfterLogin_RetriedOnce()
    {
        var time = new ManualTimeProvider();
        int attempts = 0;
        await using var peer = new ScriptedTl1Peer(Element((command, connection) =>
            Interlocked.Increment(ref attempts) == 1
                ? connection.SendAsync(ScriptedTl1Peer.Denied(command, "PLNA"))
                : connection.SendAsync(ScriptedTl1Peer.Completed(command, "ok"))));
        await using var session = await StartAsync(peer, time);

        var send = session.SendAsync("RTRV-CRS");
        await Eventually.TrueAsync(() => attempts == 1 && time.PendingTimers > 0);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["ok"], (await send.WaitAsync(Wait)).Lines.ToArray());
        Assert.Equal(2, attempts);
    }

    /// <summary>
    /// Virtual time only: each step of the clock waits for state that shows the timer it must fire exists (the log line
    /// written just before the timer is set, and the exact number of pending timers), never for real time to pass.
    /// </summary>
    [Fact]
    public async Task SendAsync_PlnaAgainAfterTheSettleDelay_LogsInAgainAndSends()
    {
        var time = new ManualTimeProvider();
        var logger = new LogCapture();
        int logins = 0;
        int attempts = 0;
        await using var peer = new ScriptedTl1Peer((command, connection) =>
        {
            if (command.Code is "ACT-USER" or "CANC-USER" or "RTRV-HDR")
            {
                if (command.Code == "ACT-USER")
                {
                    Interlocked.Increment(ref logins);
                }

                return connection.SendAsync(ScriptedTl1Peer.Completed(command));
            }

            // The element forgot the first login: every command on it is "login not active".
            Interlocked.Increment(ref attempts);
            return connection.SendAsync(Volatile.Read(ref logins) < 2 ? ScriptedTl1Peer.Denied(command, "PLNA") : ScriptedTl1Peer.Completed(command, "ok"));
        });
        await using var session = await StartAsync(peer, time, logger: logger.For<Tl1Session>());

        var send = session.SendAsync("RTRV-CRS");

        // Denied once: the first attempt's timeout timer is gone, the settle delay's is the only one.
        await Eventually.TrueAsync(() => logger.Count("denied PLNA right after login") == 1 && time.PendingTimers == 1);
        time.Advance(TimeSpan.FromMilliseconds(200));

        // Denied again: the connection is dropped; the command waits for the next login (its timeout timer) and the
        // run loop for its reconnect delay (the second timer).
        await Eventually.TrueAsync(() => logger.Count("has dropped the login") == 1
            && session.State == Tl1SessionState.Reconnecting && time.PendingTimers == 2);
        Assert.Equal(2, Volatile.Read(ref attempts));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["ok"], (await send.WaitAsync(Wait)).Lines.ToArray());
        Assert.Equal(2, Volatile.Read(ref logins));
        Assert.Equal(3, Volatile.Read(ref attempts));
        Assert.Equal(2, peer.Connections);
    }

    /// <summary>
    /// Regression (review, TL1 issue): each command denied PLNA twice closed whatever connection was current, so a
    /// late one could close the new connection, even in the middle of its ACT-USER. Now only the connection the
    /// denials came on is closed, once; the other commands wait for the next login. The last command to learn of its
    /// second denial is held (in its log call, just before it asks for the new login) until the new login is up.
    /// </summary>
    [Fact]
    public async Task SendAsync_SeveralOutstandingDeniedPlnaTwice_OneReconnectAndAllSucceed()
    {
        const int Commands = 4;
        var time = new ManualTimeProvider();
        using var logger = new HoldingLogger("has dropped the login", Commands);
        int logins = 0;
        var firstRound = 0;
        var secondRound = new ConcurrentQueue<Tl1Command>();
        await using var peer = new ScriptedTl1Peer((command, connection) =>
        {
            if (command.Code is "ACT-USER" or "CANC-USER" or "RTRV-HDR")
            {
                if (command.Code == "ACT-USER")
                {
                    Interlocked.Increment(ref logins);
                }

                return connection.SendAsync(ScriptedTl1Peer.Completed(command));
            }

            if (Volatile.Read(ref logins) >= 2)
            {
                return connection.SendAsync(ScriptedTl1Peer.Completed(command, $"{command.Aid}:OK"));
            }

            if (Interlocked.Increment(ref firstRound) <= Commands)
            {
                return connection.SendAsync(ScriptedTl1Peer.Denied(command, "PLNA"));
            }

            // The retries are all denied together, once every one has arrived: each then asks for a new login.
            secondRound.Enqueue(command);
            return secondRound.Count == Commands
                ? connection.SendAsync([.. secondRound.Select(c => ScriptedTl1Peer.Denied(c, "PLNA"))])
                : Task.CompletedTask;
        });
        await using var session = await StartAsync(peer, time, logger: logger);

        var sends = Enumerable.Range(1, Commands).Select(i => session.SendAsync("RTRV-CRS", $"C{i}")).ToList();

        // Every command is in its settle delay: those timers are the only ones.
        await Eventually.TrueAsync(() => logger.Count("denied PLNA right after login") == Commands && time.PendingTimers == Commands);
        time.Advance(TimeSpan.FromMilliseconds(200));

        // Every retry denied: all but the held command wait for the next login (their timeout timers), the run loop
        // for its reconnect delay.
        await Eventually.TrueAsync(() => logger.Count("has dropped the login") == Commands
            && session.State == Tl1SessionState.Reconnecting && time.PendingTimers == Commands);
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => sends.Count(s => s.IsCompletedSuccessfully) == Commands - 1);
        Assert.Equal((2, Tl1SessionState.Ready), (Volatile.Read(ref logins), session.State));

        // The late command's denial came on the old connection: it must leave the new one alone.
        logger.Release();
        var results = await Task.WhenAll(sends).WaitAsync(Wait);
        for (int i = 0; i < Commands; i++)
        {
            Assert.Equal($"C{i + 1}:OK", Assert.Single(results[i].Lines));
        }

        Assert.Equal(2, Volatile.Read(ref logins));
        Assert.Equal(2, peer.Connections);
        Assert.Equal(Tl1SessionState.Ready, session.State);
    }

    [Fact]
    public async Task Logging_LoginCommand_NeverContainsThePassword()
    {
        var logger = new LogCapture();
        await using var peer = new ScriptedTl1Peer(Element());
        await using (var session = await StartAsync(peer, new ManualTimeProvider(), logger: logger.For<Tl1Session>()))
        {
            await session.SendAsync("RTRV-HDR").WaitAsync(Wait);
        }

        Assert.Contains(logger.Messages(), l => l.Contains("ACT-USER", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Messages(), l => l.Contains("s3cret-pw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_LoginDenied_ThrowsAndCloses()
    {
        await using var peer = new ScriptedTl1Peer((command, connection) => connection.SendAsync(ScriptedTl1Peer.Denied(command, "PICC")));
        var session = new Tl1Session(new TcpTl1Transport("127.0.0.1", peer.Port), Options(), timeProvider: new ManualTimeProvider());

        var error = await Assert.ThrowsAsync<Tl1DeniedException>(() => session.StartAsync().WaitAsync(Wait));

        Assert.Equal("PICC", error.ErrorCode);
        await session.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_NothingListening_RetriesWithDoublingBackoff()
    {
        var time = new ManualTimeProvider();
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var session = new Tl1Session(new TcpTl1Transport("127.0.0.1", port), Options(), timeProvider: time);
        var start = session.StartAsync();
        var attempts = new List<Tl1SessionEvent>();

        int Connecting()
        {
            attempts.AddRange(Drain(session));
            return attempts.Count(e => e is Tl1SessionEvent.StateChanged { State: Tl1SessionState.Connecting });
        }

        async Task AttemptsAfter(TimeSpan advance, int expected)
        {
            await Eventually.TrueAsync(() => time.PendingTimers > 0);
            time.Advance(advance);
            await Eventually.TrueAsync(() => Connecting() >= expected);
            await Task.Delay(50);
            Assert.Equal(expected, Connecting());
        }

        await AttemptsAfter(TimeSpan.FromSeconds(1), 2);   // the first attempt, then one after 1 s
        await AttemptsAfter(TimeSpan.FromSeconds(1), 2);   // the next delay is 2 s
        await AttemptsAfter(TimeSpan.FromSeconds(1), 3);
        await AttemptsAfter(TimeSpan.FromSeconds(3), 3);   // then 4 s
        await AttemptsAfter(TimeSpan.FromSeconds(1), 4);
        Assert.False(start.IsCompleted);
        Assert.Contains(attempts, e => e is Tl1SessionEvent.StateChanged { State: Tl1SessionState.Reconnecting, Detail: var d } && d!.Contains("refused", StringComparison.Ordinal));
    }

    /// <summary>Keeps every log line; the call that logs the <c>n</c>-th line containing a text blocks until <see cref="Release"/>.</summary>
    private sealed class HoldingLogger(string text, int n) : ILogger<Tl1Session>, IDisposable
    {
        private readonly ManualResetEventSlim _released = new();
        private int _seen;

        public ConcurrentQueue<string> Lines { get; } = new();

        public int Count(string part) => Lines.Count(l => l.Contains(part, StringComparison.Ordinal));

        public void Release() => _released.Set();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string line = formatter(state, exception);
            Lines.Enqueue(line);
            if (line.Contains(text, StringComparison.Ordinal) && Interlocked.Increment(ref _seen) == n)
            {
                _released.Wait(Wait);
            }
        }

        public void Dispose()
        {
            _released.Set();
            _released.Dispose();
        }
    }
}
