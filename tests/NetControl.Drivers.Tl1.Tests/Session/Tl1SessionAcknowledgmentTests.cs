using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Session;
using NetControl.Tests.Shared;
using static NetControl.Drivers.Tl1.Tests.Session.Tl1SessionHarness;

namespace NetControl.Drivers.Tl1.Tests.Session;

/// <summary>Acknowledgments (IP, NA, NG, RL) before or instead of a response; the clock is virtual.</summary>
public sealed class Tl1SessionAcknowledgmentTests
{
    [Theory]
    [InlineData(Tl1AckCode.NoAcknowledgment, "NA", false)]
    [InlineData(Tl1AckCode.NoGood, "NG", false)]
    [InlineData(Tl1AckCode.RepeatLater, "RL", true)]
    public async Task SendAsync_NegativeAcknowledgment_FailsAtOnceWithTypedErrorNamingTheCode(Tl1AckCode ack, string code, bool transient)
    {
        var time = new ManualTimeProvider();
        await using var peer = new ScriptedTl1Peer(Element((command, connection) => connection.SendAsync(new Tl1Acknowledgment(ack, command.Ctag))));
        await using var session = await StartAsync(peer, time);
        var sentAt = time.GetUtcNow();

        var error = await Assert.ThrowsAsync<Tl1DeniedException>(() => session.SendAsync("ENT-CRS-FIBER", "10001,20002").WaitAsync(Wait));

        // No response follows these: the command fails without its timeout running at all.
        Assert.Equal(sentAt, time.GetUtcNow());
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("ENT-CRS-FIBER", error.Command);
        Assert.Equal(transient, error.IsTransient);
        Assert.Contains($"ENT-CRS-FIBER denied: {code}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Outstanding);
        Assert.Equal(Tl1SessionState.Ready, session.State);
    }

    /// <summary>Regression (audit, TL1 issue): an IP processed before the command's write returned did not extend the wait.</summary>
    [Fact]
    public async Task SendAsync_InProgressBeforeTheWriteReturns_RestartsTheTimeout()
    {
        var time = new ManualTimeProvider();
        Tl1Session? session = null;
        Tl1Command? slow = null;
        Func<Tl1Response, Task>? respond = null;
        var peer = new InMemoryTl1Peer(async (command, acknowledge, reply) =>
        {
            if (command.Code == "ACT-USER")
            {
                await reply(ScriptedTl1Peer.Completed(command));
                return;
            }

            // 8 s pass while the command is on its way, then "IP" arrives and is handled before the session's flush returns.
            time.Advance(TimeSpan.FromSeconds(8));
            await acknowledge(new Tl1Acknowledgment(Tl1AckCode.InProgress, command.Ctag));
            await Eventually.TrueAsync(() => session!.AcknowledgmentsSeen == 1);
            (slow, respond) = (command, reply);
        });
        session = new Tl1Session(peer, Options(), timeProvider: time);
        await using var owned = session;
        await session.StartAsync().WaitAsync(Wait);

        var send = session.SendAsync("RTRV-CRS-FIBER", "all");
        await Eventually.TrueAsync(() => slow is not null);

        // 16 s after sending: past the first 10 s wait, within the one the IP restarted at 8 s.
        time.Advance(TimeSpan.FromSeconds(8));
        await respond!(ScriptedTl1Peer.Completed(slow!, "done"));

        Assert.Equal(["done"], (await send.WaitAsync(Wait)).Lines.ToArray());
    }
}
