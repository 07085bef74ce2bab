using NetControl.Drivers.Host.Shell;

namespace NetControl.Agent.Tests.Support;

/// <summary>
/// A host that only has kernel settings, in memory: answers <c>sysctl -n KEY</c> and <c>sysctl -q -w KEY=VALUE</c>,
/// records every command it is asked to run, and fails the writes listed in <see cref="FailingWrites"/> (as a kernel
/// refusing them would). Shared between "agent runs" to stand for the same host across a restart.
/// </summary>
internal sealed class FakeSysctlShell(string description = "fake host") : IHostShell
{
    private readonly Lock _lock = new();
    private readonly List<HostCommand> _ran = [];

    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["net.ipv4.tcp_rmem"] = "4096 131072 6291456",
        ["net.ipv4.tcp_wmem"] = "4096 16384 4194304",
    };

    /// <summary><c>KEY=VALUE</c> writes that fail.</summary>
    public HashSet<string> FailingWrites { get; } = new(StringComparer.Ordinal);

    /// <summary>Every command run so far, reads included.</summary>
    public IReadOnlyList<HostCommand> Ran
    {
        get
        {
            lock (_lock)
            {
                return [.. _ran];
            }
        }
    }

    /// <summary>The writes run so far, as command lines.</summary>
    public IReadOnlyList<string> Writes => [.. Ran.Where(c => c.Argv.Contains("-w")).Select(c => c.ToString())];

    public void Forget()
    {
        lock (_lock)
        {
            _ran.Clear();
        }
    }

    public string Describe() => description;

    public Task<HostCommandResult> RunAsync(HostCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_lock)
        {
            _ran.Add(command);
            var argv = command.Argv;
            if (argv is ["sysctl", "-n", var key])
            {
                return Task.FromResult(Settings.TryGetValue(key, out string? value)
                    ? new HostCommandResult(0, value + "\n", string.Empty)
                    : new HostCommandResult(255, string.Empty, $"sysctl: cannot stat /proc/sys/{key.Replace('.', '/')}: No such file or directory"));
            }

            if (argv is ["sysctl", "-q", "-w", var assignment] && assignment.IndexOf('=', StringComparison.Ordinal) is > 0 and var at)
            {
                if (FailingWrites.Contains(assignment))
                {
                    return Task.FromResult(new HostCommandResult(1, string.Empty, $"sysctl: setting key \"{assignment[..at]}\": Operation not permitted"));
                }

                Settings[assignment[..at]] = assignment[(at + 1)..];
                return Task.FromResult(new HostCommandResult(0, string.Empty, string.Empty));
            }

            return Task.FromResult(new HostCommandResult(127, string.Empty, $"fake host: unknown command {command}"));
        }
    }
}
