using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NetControl.Messaging.Commands;
using NetControl.Messaging.Contracts;
using NetControl.Tests.Shared;

namespace NetControl.Messaging.Tests.Commands;

/// <summary>
/// Signed controller commands: a good one is accepted once; unsigned, badly signed, tampered, foreign-key, expired,
/// future, over-long, replayed, misaddressed and disallowed ones are refused with their reason; random and mutated
/// envelopes never throw.
/// </summary>
public sealed class CommandVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 16, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _controller = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ManualTimeProvider _time = new(Now);

    public void Dispose()
    {
        _controller.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public void Verify_SignedCommand_AcceptedOnceThenReplayRefused()
    {
        var verifier = Verifier();
        byte[] envelope = Signer().Encode(Command());

        var first = verifier.Verify(new ReadOnlySequence<byte>(envelope));
        var again = verifier.Verify(new ReadOnlySequence<byte>(envelope));

        Assert.True(first.Accepted, first.Reason);
        Assert.Equal("apply", first.Command!.Operation);
        Assert.Equal("10.77.31.1/24", first.Command.Steps[0].Cidr);
        Assert.Equal(CommandRejection.Replayed, again.Rejection);
        Assert.Equal("cmd-1", again.About!.CommandId);
    }

    [Fact]
    public void Verify_ReplayAfterExpiry_StillRefusedAsExpired()
    {
        var verifier = Verifier();
        byte[] envelope = Signer().Encode(Command());
        Assert.True(verifier.Verify(new ReadOnlySequence<byte>(envelope)).Accepted);

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(CommandRejection.Expired, verifier.Verify(new ReadOnlySequence<byte>(envelope)).Rejection);
    }

    [Theory]
    [InlineData("tamper", CommandRejection.BadSignature)]
    [InlineData("stranger", CommandRejection.BadSignature)]
    [InlineData("unsigned", CommandRejection.Unsigned)]
    [InlineData("unknown-key", CommandRejection.UnknownKey)]
    public void Verify_BadSignature_Refused(string how, CommandRejection expected)
    {
        var signed = Signer().Sign(Command());
        signed = how switch
        {
            "tamper" => signed with { Payload = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed.Payload).Replace("10.77.31.1/24", "0.0.0.0/0", StringComparison.Ordinal)) },
            "stranger" => new CommandSigner(_stranger, "controller-1").Sign(Command()),
            "unsigned" => signed with { Signature = [] },
            _ => signed with { KeyId = "controller-9" },
        };

        var verdict = Verifier().Verify(new ReadOnlySequence<byte>(JsonSerializer.SerializeToUtf8Bytes(signed, MessagingJsonContext.Default.SignedCommand)));

        Assert.False(verdict.Accepted);
        Assert.Equal(expected, verdict.Rejection);
        Assert.Null(verdict.About);
    }

    [Theory]
    [InlineData(CommandRejection.Expired, -400, 300)]
    [InlineData(CommandRejection.BadLifetime, 120, 60)]
    [InlineData(CommandRejection.BadLifetime, 0, 3600)]
    [InlineData(CommandRejection.BadLifetime, 0, 0)]
    public void Verify_OutsideItsTime_Refused(CommandRejection expected, int issuedOffsetSeconds, int lifetimeSeconds)
    {
        var issued = Now.AddSeconds(issuedOffsetSeconds);
        var command = Command() with { IssuedAt = issued, ExpiresAt = issued.AddSeconds(lifetimeSeconds) };

        var verdict = Verifier().Verify(new ReadOnlySequence<byte>(Signer().Encode(command)));

        Assert.Equal(expected, verdict.Rejection);
        Assert.Contains("cmd-1", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WithinClockSkew_Accepted()
    {
        var issued = Now.AddSeconds(20);

        Assert.True(Verifier().Verify(new ReadOnlySequence<byte>(Signer().Encode(Command() with { IssuedAt = issued, ExpiresAt = issued.AddSeconds(60) }))).Accepted);
    }

    [Fact]
    public void Verify_OtherAgentsCommand_Refused() =>
        Assert.Equal(CommandRejection.WrongAgent, Verifier().Verify(new ReadOnlySequence<byte>(Signer().Encode(Command() with { AgentId = "caltech-fdt" }))).Rejection);

    [Theory]
    [InlineData("reboot", "address")]
    [InlineData("apply", "shell")]
    public void Verify_NotOnTheAllowList_Refused(string operation, string kind)
    {
        var command = Command() with { Operation = operation, Steps = [new HostStepSpec { Kind = kind }] };

        var verdict = Verifier().Verify(new ReadOnlySequence<byte>(Signer().Encode(command)));

        Assert.Equal(CommandRejection.NotAllowed, verdict.Rejection);
        Assert.Contains(operation == "reboot" ? "operation 'reboot'" : "step kind 'shell'", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RandomAndMutatedEnvelopes_NeverThrowNeverAccept()
    {
        var verifier = Verifier();
        byte[] good = Signer().Encode(Command());
        var random = new Random(8762);
        for (int i = 0; i < 5_000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = (byte[])good.Clone();
                for (int m = random.Next(1, 4); m > 0; m--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            var verdict = verifier.Verify(new ReadOnlySequence<byte>(bytes));

            Assert.False(verdict.Accepted && !bytes.AsSpan().SequenceEqual(good), $"a mutated envelope was accepted: {Encoding.UTF8.GetString(bytes)}");
            Assert.DoesNotContain('\n', verdict.Reason);
        }
    }

    [Fact]
    public void Constructor_NotP256_Throws()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => new CommandSigner(p384, "k"));
    }

    private CommandSigner Signer() => new(_controller, "controller-1");

    private CommandVerifier Verifier() => new(
        new CommandVerifierOptions
        {
            AgentId = "cern-fdt",
            Keys = new Dictionary<string, ECDsa> { ["controller-1"] = _controller },
        },
        _time);

    private static AgentCommand Command() => new()
    {
        CommandId = "cmd-1",
        AgentId = "cern-fdt",
        IssuedAt = Now,
        ExpiresAt = Now.AddMinutes(2),
        Operation = AgentOperations.Apply,
        ChangeSetId = "lp-1",
        Steps = [new HostStepSpec { Kind = "address", Device = "eth1", Cidr = "10.77.31.1/24" }],
    };
}
