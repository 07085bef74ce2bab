using System.Security.Cryptography;
using NetControl.Agent.Configuration;
using NetControl.Agent.Hosting;

namespace NetControl.Agent.Tests.Configuration;

/// <summary>The <c>hostCommands</c> section: controller public keys from PEM files, limits, and what the host then runs.</summary>
public sealed class HostCommandsConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-hostcommands-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Parse_ControllerKey_AgentRunsHostCommands()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(_dir, "controller.pub.pem"), key.ExportSubjectPublicKeyInfoPem());

        var config = Parse("hostCommands:\n  controllerKeys:\n    - {id: controller-1, publicKeyFile: controller.pub.pem}\n  maxLifetimeSeconds: 60\n  networkNamespace: transfer-a\n");

        Assert.Equal(["controller-1"], config.HostCommands!.ControllerKeys.Keys);
        Assert.Equal(TimeSpan.FromSeconds(60), config.HostCommands.MaxLifetime);
        Assert.Equal("transfer-a", config.HostCommands.NetworkNamespace);
        await using var host = new AgentHost(config);
        Assert.NotNull(host.HostCommands);
    }

    [Theory]
    [InlineData("hostCommands:\n  controllerKeys: []\n", "agent.yaml:5:3: hostCommands.controllerKeys: at least one controller key is required")]
    [InlineData("hostCommands:\n  controllerKeys:\n    - {id: c1, publicKeyFile: missing.pem}\n", "agent.yaml:6:31: hostCommands.controllerKeys[0].publicKeyFile: '")]
    public void Parse_BadKeys_OneLineErrorSaysWhere(string section, string expectedStart)
    {
        var ex = Assert.Throws<AgentException>(() => Parse(section));

        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_RsaKey_Refused()
    {
        using var rsa = RSA.Create(2048);
        File.WriteAllText(Path.Combine(_dir, "rsa.pem"), rsa.ExportSubjectPublicKeyInfoPem());

        var ex = Assert.Throws<AgentException>(() => Parse("hostCommands:\n  controllerKeys:\n    - {id: c1, publicKeyFile: rsa.pem}\n"));

        Assert.Contains("is not a readable ECDSA P-256 public key", ex.Message, StringComparison.Ordinal);
    }

    private AgentConfig Parse(string section) =>
        AgentConfigLoader.Parse("agentId: a1\nbroker: {secret: s}\njournal: j\n" + section, "agent.yaml", _dir);
}
