using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core.Units;

namespace NetControl.Simulators.Network.Namespaces;

/// <summary>
/// Two Linux network namespaces joined by a veth pair with addresses from a /30, for real-kernel tests. Names carry
/// the owner's process id (<c>ncsim-PID-N-a</c>), so instances run in parallel and a sweeper can delete those left
/// by dead processes. Optional <c>tbf</c> rate limit per side (this kernel has no netem: no delay or loss here).
/// Disposing kills started processes and deletes both namespaces, also after earlier failures.
/// </summary>
public sealed class NamespacePair : IAsyncDisposable
{
    /// <summary>Prefix of every namespace this class creates.</summary>
    public const string Prefix = "ncsim-";
    private static int _instances;
    private readonly NamespacePairOptions _options;
    private readonly ILogger _logger;
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly Lock _gate = new();
    private int _disposed;

    private NamespacePair(int index, NamespacePairOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        var pid = Environment.ProcessId;
        NameA = $"{Prefix}{pid}-{index}-a";
        NameB = $"{Prefix}{pid}-{index}-b";
        var tag = string.Create(CultureInfo.InvariantCulture, $"{pid:x}{index:x}");
        InterfaceA = $"nc{tag}a"[..Math.Min(15, tag.Length + 3)];
        InterfaceB = $"nc{tag}b"[..Math.Min(15, tag.Length + 3)];

        // Addresses only need to be unique within the pair (each pair is its own pair of namespaces), but a
        // distinct /30 per instance keeps logs and captures unambiguous: 10.201.0.0/16 in /30 steps.
        var block = ((pid * 64) + index) % 16_384;
        var third = block / 64;
        var fourth = (block % 64) * 4;
        AddressA = IPAddress.Parse($"10.201.{third}.{fourth + 1}");
        AddressB = IPAddress.Parse($"10.201.{third}.{fourth + 2}");
    }

    public string NameA { get; }

    public string NameB { get; }

    /// <summary>The veth end inside namespace A.</summary>
    public string InterfaceA { get; }

    /// <summary>The veth end inside namespace B.</summary>
    public string InterfaceB { get; }

    public IPAddress AddressA { get; }

    public IPAddress AddressB { get; }

    /// <summary>The namespace name of <paramref name="side"/>.</summary>
    public string NameOf(NamespaceSide side) => side == NamespaceSide.A ? NameA : NameB;

    /// <summary>The veth interface of <paramref name="side"/>.</summary>
    public string InterfaceOf(NamespaceSide side) => side == NamespaceSide.A ? InterfaceA : InterfaceB;

    /// <summary>The address of <paramref name="side"/>.</summary>
    public IPAddress AddressOf(NamespaceSide side) => side == NamespaceSide.A ? AddressA : AddressB;

    /// <summary>Creates both namespaces, the veth pair, addresses and links up. Cleans up what it made if any step fails.</summary>
    /// <exception cref="CommandFailedException">An ip command failed or timed out (not root, no netns support...).</exception>
    public static async Task<NamespacePair> CreateAsync(NamespacePairOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new NamespacePairOptions();
        logger ??= NullLogger.Instance;
        if (options.SweepStale)
        {
            await SweepStaleAsync(options, logger, cancellationToken).ConfigureAwait(false);
        }

        var pair = new NamespacePair(Interlocked.Increment(ref _instances), options, logger);
        try
        {
            await pair.SetUpAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await pair.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        NamespaceLog.Created(logger, pair.NameA, pair.AddressA.ToString(), pair.NameB, pair.AddressB.ToString(), pair.InterfaceA, pair.InterfaceB);
        return pair;
    }

    /// <summary>Deletes namespaces with <see cref="Prefix"/> whose owner process no longer exists. Returns how many.</summary>
    public static async Task<int> SweepStaleAsync(NamespacePairOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new NamespacePairOptions();
        logger ??= NullLogger.Instance;
        var list = await ProcessRunner.RunAsync(options.IpPath, ["netns", "list"], options.CommandTimeout, check: true, cancellationToken).ConfigureAwait(false);
        var swept = 0;
        foreach (var line in list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = line.Split(' ')[0];
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var pidText = name[Prefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            var result = await ProcessRunner.RunAsync(options.IpPath, ["netns", "del", name], options.CommandTimeout, check: false, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                swept++;
                NamespaceLog.Swept(logger, name, pid);
            }
            else
            {
                NamespaceLog.DeleteFailed(logger, name, ProcessRunner.OneLine(result.StandardError));
            }
        }

        return swept;
    }

    /// <summary>True when a namespace named <paramref name="name"/> exists.</summary>
    public static async Task<bool> ExistsAsync(string name, NamespacePairOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NamespacePairOptions();
        var list = await ProcessRunner.RunAsync(options.IpPath, ["netns", "list"], options.CommandTimeout, check: true, cancellationToken).ConfigureAwait(false);
        return list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(line => line.Split(' ')[0] == name);
    }

    /// <summary>
    /// Puts a <c>tbf</c> root qdisc on <paramref name="side"/>'s veth (limits traffic leaving that side). Burst defaults
    /// to the larger of 32 KiB and 10 ms at the rate; latency to 50 ms.
    /// </summary>
    public async Task SetRateLimitAsync(NamespaceSide side, DataRate rate, int? burstBytes = null, TimeSpan? latency = null, CancellationToken cancellationToken = default)
    {
        if (rate.BitsPerSecond < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "tbf rate must be at least 8 bit/s");
        }

        var burst = burstBytes ?? (int)Math.Max(32 * 1024, rate.BitsPerSecond / 8 / 100);
        var latencyMs = (latency ?? TimeSpan.FromMilliseconds(50)).TotalMilliseconds;
        var bits = ((long)rate.BitsPerSecond).ToString(CultureInfo.InvariantCulture);
        await RunAsync(
            side,
            "tc",
            ["qdisc", "replace", "dev", InterfaceOf(side), "root", "tbf", "rate", $"{bits}bit", "burst", burst.ToString(CultureInfo.InvariantCulture), "latency", $"{latencyMs.ToString("0.###", CultureInfo.InvariantCulture)}ms"],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        NamespaceLog.RateLimited(_logger, InterfaceOf(side), NameOf(side), rate.ToString(), burst, latencyMs);
    }

    /// <summary>Removes the rate limit of <paramref name="side"/>.</summary>
    public Task ClearRateLimitAsync(NamespaceSide side, CancellationToken cancellationToken = default) =>
        RunAsync(side, "tc", ["qdisc", "del", "dev", InterfaceOf(side), "root"], cancellationToken: cancellationToken);

    /// <summary>Runs <paramref name="file"/> inside <paramref name="side"/>'s namespace (<c>ip netns exec</c>) to completion.</summary>
    /// <exception cref="CommandFailedException">Non-zero exit (when <paramref name="check"/>), timeout (default: the command timeout) or start failure.</exception>
    public Task<ProcessResult> RunAsync(NamespaceSide side, string file, IReadOnlyList<string> arguments, TimeSpan? timeout = null, bool check = true, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(_options.IpPath, ExecArguments(side, file, arguments), timeout ?? _options.CommandTimeout, check, cancellationToken);

    /// <summary>Starts a long-running process inside <paramref name="side"/>'s namespace; the pair kills it on dispose at the latest.</summary>
    public NamespaceProcess Start(NamespaceSide side, string file, IReadOnlyList<string> arguments)
    {
        var args = ExecArguments(side, file, arguments);
        var process = new NamespaceProcess(ProcessRunner.Describe(_options.IpPath, args), ProcessRunner.Create(_options.IpPath, args));
        lock (_gate)
        {
            _owned.Add(process);
        }

        process.Start();
        return process;
    }

    /// <summary>
    /// Starts UDP cross traffic with iperf3 from <paramref name="from"/> to the other side at <paramref name="rate"/> for
    /// <paramref name="duration"/> (the server listens on the other side's address, <paramref name="port"/>).
    /// </summary>
    public async Task<IperfCrossTraffic> StartUdpCrossTrafficAsync(NamespaceSide from, DataRate rate, TimeSpan duration, int packetBytes = 1400, int port = 5201, CancellationToken cancellationToken = default)
    {
        var server = await StartIperfServerAsync(Other(from), port, cancellationToken).ConfigureAwait(false);
        var client = Start(from, _options.IperfPath,
        [
            "-c", AddressOf(Other(from)).ToString(), "-p", Invariant(port), "-u", "-b", Invariant((long)rate.BitsPerSecond),
            "-l", Invariant(packetBytes), "-t", Invariant(Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds))),
        ]);
        return new IperfCrossTraffic(server, client);
    }

    /// <summary>Runs an iperf3 TCP transfer from <paramref name="from"/> to the other side and returns the receiver's throughput.</summary>
    /// <exception cref="CommandFailedException">iperf3 failed, timed out, or printed no parsable result.</exception>
    public async Task<DataRate> MeasureTcpThroughputAsync(NamespaceSide from, TimeSpan duration, int port = 5202, CancellationToken cancellationToken = default)
    {
        await using var server = await StartIperfServerAsync(Other(from), port, cancellationToken).ConfigureAwait(false);
        var seconds = Invariant(Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds)));
        var result = await RunAsync(
            from,
            _options.IperfPath,
            ["-c", AddressOf(Other(from)).ToString(), "-p", Invariant(port), "-t", seconds, "-J"],
            duration + TimeSpan.FromSeconds(15),
            check: true,
            cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(result.StandardOutput);
            var bps = json.RootElement.GetProperty("end").GetProperty("sum_received").GetProperty("bits_per_second").GetDouble();
            return new DataRate(bps);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CommandFailedException(result.Command, $"'{result.Command}' printed no iperf3 result: {ex.Message}", result.ExitCode, result.StandardError, inner: ex);
        }
    }

    /// <summary>Kills started processes and deletes both namespaces (which removes the veth pair). Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        IAsyncDisposable[] owned;
        lock (_gate)
        {
            owned = [.. _owned];
        }

        foreach (var item in owned)
        {
            try
            {
                await item.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Best effort: the namespace goes next.
            }
        }

        foreach (var name in new[] { NameA, NameB })
        {
            await DeleteNamespaceAsync(name).ConfigureAwait(false);
        }

        NamespaceLog.Deleted(_logger, NameA, NameB);
    }

    private static NamespaceSide Other(NamespaceSide side) => side == NamespaceSide.A ? NamespaceSide.B : NamespaceSide.A;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] ExecArguments(NamespaceSide side, string file, IReadOnlyList<string> arguments, NamespacePair pair) =>
        ["netns", "exec", pair.NameOf(side), file, .. arguments];

    private string[] ExecArguments(NamespaceSide side, string file, IReadOnlyList<string> arguments) => ExecArguments(side, file, arguments, this);

    private async Task<NamespaceProcess> StartIperfServerAsync(NamespaceSide side, int port, CancellationToken cancellationToken)
    {
        var server = Start(side, _options.IperfPath, ["-s", "-1", "--forceflush", "-B", AddressOf(side).ToString(), "-p", Invariant(port)]);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (!server.StandardOutput.Contains("Server listening", StringComparison.Ordinal))
        {
            if (server.HasExited || System.Diagnostics.Stopwatch.GetElapsedTime(started) > _options.CommandTimeout)
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw new CommandFailedException(server.Command, $"'{server.Command}' did not start listening: {ProcessRunner.OneLine(server.StandardError + server.StandardOutput)}", standardError: server.StandardError);
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        return server;
    }

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        await Ip(cancellationToken, "netns", "add", NameA).ConfigureAwait(false);
        await Ip(cancellationToken, "netns", "add", NameB).ConfigureAwait(false);
        await Ip(cancellationToken, "link", "add", "name", InterfaceA, "netns", NameA, "type", "veth", "peer", "name", InterfaceB, "netns", NameB).ConfigureAwait(false);
        foreach (var (name, device, address) in new[] { (NameA, InterfaceA, AddressA), (NameB, InterfaceB, AddressB) })
        {
            await Ip(cancellationToken, "-n", name, "addr", "add", $"{address}/30", "dev", device).ConfigureAwait(false);
            await Ip(cancellationToken, "-n", name, "link", "set", "lo", "up").ConfigureAwait(false);
            await Ip(cancellationToken, "-n", name, "link", "set", device, "up").ConfigureAwait(false);
        }
    }

    private Task<ProcessResult> Ip(CancellationToken cancellationToken, params string[] arguments) =>
        ProcessRunner.RunAsync(_options.IpPath, arguments, _options.CommandTimeout, check: true, cancellationToken);

    private async Task DeleteNamespaceAsync(string name)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(_options.IpPath, ["netns", "del", name], _options.CommandTimeout, check: false, CancellationToken.None).ConfigureAwait(false);
            if (result.ExitCode != 0 && !result.StandardError.Contains("No such file", StringComparison.Ordinal))
            {
                NamespaceLog.DeleteFailed(_logger, name, ProcessRunner.OneLine(result.StandardError));
            }
        }
        catch (CommandFailedException ex)
        {
            NamespaceLog.DeleteFailed(_logger, name, ex.Message);
        }
    }
}
