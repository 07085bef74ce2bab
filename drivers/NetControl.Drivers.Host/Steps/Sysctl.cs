using NetControl.Drivers.Host.Shell;

namespace NetControl.Drivers.Host.Steps;

/// <summary>A kernel setting (<c>net.ipv4.tcp_rmem</c> = <c>4096 131072 67108864</c>); values compare with whitespace runs as one space.</summary>
public sealed record Sysctl(string Key, string Value) : IHostStep
{
    public string Describe() => $"sysctl {Key} = {Value}";

    public async Task<StepPlan> PlanAsync(HostReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string current = await reader.SysctlAsync(Key, cancellationToken).ConfigureAwait(false);
        return current == Normalize(Value)
            ? StepPlan.Holds(current)
            : StepPlan.Change(current, [Write(Normalize(Value))], [Write(current)]);
    }

    public static string Normalize(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private HostCommand Write(string value) => HostCommand.Of("sysctl", "-q", "-w", $"{Key}={value}");
}
