namespace NetControl.Messaging.Commands;

/// <summary>
/// One host step as it travels in a command: its <see cref="Kind"/> (<c>address</c>, <c>mtu</c>, <c>txqueuelen</c>,
/// <c>vlan</c>, <c>route</c>, <c>rule</c>, <c>sysctl</c>) and the fields that kind uses. The agent turns it into a
/// host driver step only when the kind is on its allow-list and the fields are complete and well-formed.
/// </summary>
public sealed record HostStepSpec
{
    public required string Kind { get; init; }

    public string? Device { get; init; }

    public string? Cidr { get; init; }

    public string? Parent { get; init; }

    public int? VlanId { get; init; }

    public int? Value { get; init; }

    public string? Prefix { get; init; }

    public string? Via { get; init; }

    public string? Table { get; init; }

    public string? From { get; init; }

    public int? Priority { get; init; }

    public string? Key { get; init; }

    public string? Setting { get; init; }
}
