using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NetControl.Probes.Sessions;

namespace NetControl.Probes.Tests.Interop;

/// <summary>
/// Our STAMP sender and reflector on the wire, read by a third party: Wireshark's TWAMP-Test dissector (Debian's
/// tshark, capturing on loopback) must see TWAMP-Light packets whose every field is where RFC 5357 puts it - the
/// reflector's reply carries the sender's sequence number, timestamp and TTL, and its timestamps are NTP times of now.
/// This is the interoperability RFC 8762 promises with TWAMP-Light reflectors and senders.
/// </summary>
public sealed partial class TsharkTwampDecodeTests
{
    private const int Count = 8;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SessionOnLoopback_DecodedByTsharkAsTwampTest_FieldsMatch()
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        int port = reflector.LocalEndPoint.Port;
        using var tshark = StartTshark(port);
        try
        {
            await CaptureSessionAsync(tshark, reflector.LocalEndPoint);
        }
        finally
        {
            if (!tshark.HasExited)
            {
                tshark.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task CaptureSessionAsync(Process tshark, IPEndPoint reflectorEndPoint)
    {
        int port = reflectorEndPoint.Port;
        await WaitCapturingAsync(tshark);
        var output = tshark.StandardOutput.ReadToEndAsync();
        var started = DateTime.UtcNow;

        await using (var sender = new StampSessionSender(new StampSessionSenderOptions
        {
            Target = reflectorEndPoint,
            LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            Interval = TimeSpan.FromMilliseconds(20),
            ReportingInterval = TimeSpan.FromHours(1),
            Count = Count,
        }))
        {
            var summary = Assert.Single(await sender.RunAsync().ToListAsync().AsTask().WaitAsync(Limit));
            Assert.Equal(Count, summary.Received);
        }

        await tshark.WaitForExitAsync().WaitAsync(Limit);
        var packets = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Packet.Parse).ToList();

        Assert.Equal(2 * Count, packets.Count);
        var tests = packets.Where(p => p.DestinationPort == port).ToList();
        var replies = packets.Where(p => p.SourcePort == port).ToList();
        Assert.Equal(Enumerable.Range(0, Count).Select(i => (long)i), tests.Select(p => p.Sequence));
        Assert.Equal(Count, replies.Count);
        foreach (var reply in replies)
        {
            var test = Assert.Single(tests, t => t.Sequence == reply.SenderSequence);
            Assert.Equal(test.Timestamp, reply.SenderTimestamp);
            Assert.Equal(64, reply.SenderTtl);
            Assert.InRange(reply.ReceiveTimestamp!.Value, test.Timestamp!.Value, reply.Timestamp!.Value);
            Assert.InRange(test.Timestamp.Value, started.AddSeconds(-5), DateTime.UtcNow.AddSeconds(5));
        }
    }

    private static Process StartTshark(int port)
    {
        var info = new ProcessStartInfo("tshark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "-l", "-n", "-i", "lo", "-f", $"udp port {port}", "-c", (2 * Count).ToString(CultureInfo.InvariantCulture),
            "-d", $"udp.port=={port},twamp.test", "-t", "u", "-T", "fields", "-E", "separator=|",
            "-e", "udp.srcport", "-e", "udp.dstport", "-e", "twamp.test.seq_number", "-e", "twamp.test.timestamp",
            "-e", "twamp.test.receive_timestamp", "-e", "twamp.test.sender_seq_number", "-e", "twamp.test.sender_timestamp",
            "-e", "twamp.test.sender_ttl",
        })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException("tshark did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"tshark is needed for this test (Debian package tshark; ./test.sh installs it): {ex.Message}");
            throw;
        }
    }

    private static async Task WaitCapturingAsync(Process tshark)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (await tshark.StandardError.ReadLineAsync(limit.Token) is { } line)
        {
            // "Capturing on" comes before dumpcap has its filter in place; "Capture started" after.
            if (line.Contains("Capture started", StringComparison.Ordinal))
            {
                // Keep draining stderr so tshark never blocks on it.
                _ = tshark.StandardError.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        Assert.Fail($"tshark exited before capturing (exit code {(tshark.HasExited ? tshark.ExitCode : -1)})");
    }

    /// <summary>One line of tshark's field output.</summary>
    private sealed record Packet(int SourcePort, int DestinationPort, long Sequence, DateTime? Timestamp, DateTime? ReceiveTimestamp, long? SenderSequence, DateTime? SenderTimestamp, int? SenderTtl)
    {
        public static Packet Parse(string line)
        {
            string[] f = line.TrimEnd('\r').Split('|');
            Assert.True(f.Length == 8, $"unexpected tshark line: {line}");
            return new Packet(int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture), Time(f[3]), Time(f[4]), Number(f[5]), Time(f[6]), (int?)Number(f[7]));
        }

        private static long? Number(string text) => text.Length == 0 ? null : long.Parse(text, CultureInfo.InvariantCulture);

        /// <summary>tshark prints absolute times as "Dec  7, 2026 15:12:01.123456789 UTC".</summary>
        private static DateTime? Time(string text)
        {
            if (text.Length == 0)
            {
                return null;
            }

            var match = AbsoluteTime().Match(text);
            Assert.True(match.Success, $"unexpected tshark time: {text}");
            string normalized = $"{match.Groups[1].Value} {int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture):D2} {match.Groups[3].Value} {match.Groups[4].Value}.{match.Groups[5].Value.PadRight(7, '0')[..7]}";
            return DateTime.ParseExact(normalized, "MMM dd yyyy HH:mm:ss.fffffff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }
    }

    [GeneratedRegex(@"^(\w{3})\s+(\d{1,2}), (\d{4}) (\d{2}:\d{2}:\d{2})\.(\d+)")]
    private static partial Regex AbsoluteTime();
}
