using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Tl1.Tests.Contract;

/// <summary>
/// A command the simulated switch cannot read comes back to the session as a typed DENY, long before the command
/// timeout (an hour here, so a wait for it would fail the test by its own limit).
/// </summary>
public sealed class UnreadableCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private OpticalSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        var topology = TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml"));
        _simulator = await OpticalSimulator.StartAsync(topology);
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData("GVA-GG")]
    [InlineData("CIT-PXC")]
    public async Task SendAsync_CodeWithASpace_DeniedIisp(string name)
    {
        await using var session = Session(name, tid: string.Empty);
        await session.StartAsync().WaitAsync(Wait);

        var error = await Assert.ThrowsAsync<Tl1DeniedException>(() => session.SendAsync("RTRV HDR").WaitAsync(Wait));

        Assert.Equal("IISP", error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(Tl1SessionState.Ready, session.State);
    }

    [Fact]
    public async Task StartAsync_TidWithAnUnderscore_LoginDeniedIita()
    {
        await using var session = Session("GVA-GG", tid: "GVA_GG");

        var error = await Assert.ThrowsAsync<Tl1DeniedException>(() => session.StartAsync().WaitAsync(Wait));

        Assert.Equal("IITA", error.ErrorCode);
        Assert.Equal("ACT-USER", error.Command);
    }

    private Tl1Session Session(string name, string tid) => new(
        new TcpTl1Transport("127.0.0.1", _simulator.Endpoints.Single(e => e.Name == name).Tl1Port),
        new Tl1SessionOptions
        {
            Device = name,
            Tid = tid,
            UserName = "netctl",
            Password = "secret",
            CommandTimeout = TimeSpan.FromHours(1),
        });
}
