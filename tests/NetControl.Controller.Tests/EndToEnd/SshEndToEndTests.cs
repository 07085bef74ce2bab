using System.Net;
using NetControl.Controller.Tests.Support;
using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.EndToEnd;

/// <summary>
/// The controller reaching every switch through a real OpenSSH server (key authentication, pinned host key, TL1 over
/// a forwarded channel), as at a site whose switches sit behind a management host: a lightpath is provisioned,
/// read back from the switches and released, and a wrong host key pin stops the controller from starting.
/// </summary>
public sealed class SshEndToEndTests : IClassFixture<OpenSshServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly OpenSshServerFixture _ssh;

    public SshEndToEndTests(OpenSshServerFixture ssh) => _ssh = ssh;

    [Fact]
    public async Task Lightpath_SwitchesOverSsh_ProvisionedReadBackAndReleased()
    {
        int mark = _ssh.LogMark();
        await using var net = await SimulatedController.StartAsync(ssh: _ssh);

        using var created = await net.SendAsync(HttpMethod.Post, "/api/v1/lightpaths", """{"from":"cern-fdt","to":"caltech-fdt"}""");
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        string id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        await Eventually.TrueAsync(async () => await net.StateAsync(id) == "active", Wait);
        var devices = (await net.GetLightpathAsync(id)).GetProperty("working").GetProperty("crossConnects").EnumerateArray().Select(x => x.GetProperty("device").GetString()!).Distinct().ToList();
        Assert.NotEmpty(devices);
        foreach (string device in devices)
        {
            Assert.NotEmpty(await net.ReadCrossConnectsAsync(device));
        }

        using var released = await net.SendAsync(HttpMethod.Delete, $"/api/v1/lightpaths/{id}");
        Assert.Equal(HttpStatusCode.Accepted, released.StatusCode);
        await Eventually.TrueAsync(async () => await net.StateAsync(id) == "released", Wait);
        foreach (string device in devices)
        {
            Assert.Empty(await net.ReadCrossConnectsAsync(device));
        }

        // One authenticated SSH connection per switch carried the TL1 sessions.
        string log = _ssh.LogSince(mark);
        Assert.True(CountOf(log, "Accepted publickey") >= net.Simulator.Endpoints.Count, log);
    }

    [Fact]
    public async Task Start_WrongHostKeyPin_FailsWithTheReason()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => SimulatedController.StartAsync(ssh: _ssh, sshHostKeyPin: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", deviceConnectTimeout: TimeSpan.FromSeconds(8)));

        Assert.Contains("no TL1 login within 8 s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("host key", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static int CountOf(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
