using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Drivers.Tl1.Tests.Contract;

/// <summary>
/// The Glimmerglass contract again, with the session carried by a real OpenSSH server (Debian's sshd, started on loopback
/// with a throwaway key) forwarding to the simulated switch: TL1 over SSH end to end.
/// </summary>
public sealed class GlimmerglassOverSshContractTests(OpenSshServerFixture ssh) : GlimmerglassContractTests, IClassFixture<OpenSshServerFixture>
{
    protected override ITl1Transport CreateTransport(int tl1Port) => new SshTl1Transport(ssh.Options(tl1Port));
}
