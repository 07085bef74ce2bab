using NetControl.Drivers.Host.Shell;

namespace NetControl.Drivers.Host.Steps;

/// <summary>The address <paramref name="Cidr"/> (<c>a.b.c.d/len</c>) on <paramref name="Device"/>.</summary>
public sealed record InterfaceAddress(string Device, string Cidr) : IHostStep
{
    public string Describe() => $"address {Cidr} on {Device}";

    public async Task<StepPlan> PlanAsync(HostReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var addresses = await reader.AddressesAsync(Device, cancellationToken).ConfigureAwait(false);
        return addresses.Contains(Cidr, StringComparer.Ordinal)
            ? StepPlan.Holds("present")
            : StepPlan.Change(
                addresses.Count == 0 ? "no address" : string.Join(' ', addresses),
                [HostCommand.Of("ip", "addr", "add", Cidr, "dev", Device)],
                [HostCommand.Of("ip", "addr", "del", Cidr, "dev", Device)]);
    }
}
