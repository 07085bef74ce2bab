using NetControl.Drivers.Host.Tests;

namespace NetControl.Agent.Tests.Support;

/// <summary>The host driver tests' SSH namespace on a subnet of its own (10.77.62.0/30), so both can run at once: the remote transfer host an agent configures over SSH.</summary>
public sealed class SshHostNamespace() : SshNamespace(62);
