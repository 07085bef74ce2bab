using NetControl.Agent.Configuration;
using NetControl.Agent.Hosting;
using NetControl.Tests.Shared;

namespace NetControl.Agent.Tests.Configuration;

/// <summary><c>hostCommands.ssh</c>: the remote host the steps run on, key authentication and a pinned host key; precise one-line errors.</summary>
public sealed class HostSshConfigTests : IAsyncLifetime
{
    private const string Pin = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-hostssh-").FullName;

    public async Task InitializeAsync()
    {
        await Tools.RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "agent-test", "-f", Path.Combine(_dir, "agent_key"));
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(_dir, "controller.pub.pem"), key.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(Path.Combine(_dir, "not-a-key"), "hello\n");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Parse_ValidSsh_AgentRunsHostCommandsOverSsh()
    {
        var config = Parse($"    host: 10.77.60.2\n    user: netctl\n    privateKey: agent_key\n    knownHostSha256: \"{Pin}\"\n");

        var ssh = config.HostCommands!.Ssh!;
        Assert.Equal("10.77.60.2", ssh.Host);
        Assert.Equal(22, ssh.Port);
        Assert.Equal("netctl", ssh.UserName);
        Assert.Equal(Path.Combine(_dir, "agent_key"), ssh.PrivateKeyPath);
        Assert.Equal(Pin, ssh.KnownHostSha256);
        Assert.False(ssh.UseSudo);
        Assert.Null(config.HostCommands.NetworkNamespace);
        Assert.Equal("netctl@10.77.60.2:22", ssh.ToString());
        await using var host = new AgentHost(config);
        Assert.NotNull(host.HostCommands);
    }

    [Fact]
    public void Parse_PortAndSudo_Read()
    {
        var ssh = Parse($"    host: transfer-1.example.net\n    port: 2222\n    user: netctl\n    privateKey: agent_key\n    knownHostSha256: \"{Pin}\"\n    useSudo: true\n").HostCommands!.Ssh!;

        Assert.Equal(2222, ssh.Port);
        Assert.True(ssh.UseSudo);
        Assert.Equal("transfer-1.example.net", ssh.ToShellOptions().Host);
        Assert.True(ssh.ToShellOptions().UseSudo);
        Assert.Null(ssh.ToShellOptions().Password);
    }

    [Theory]
    [InlineData("    host: h\n    user: u\n    privateKey: missing_key\n    knownHostSha256: \"" + Pin + "\"\n", "agent.yaml:10:17: hostCommands.ssh.privateKey: '", "missing_key' is not a readable unencrypted SSH private key: ")]
    [InlineData("    host: h\n    user: u\n    privateKey: not-a-key\n    knownHostSha256: \"" + Pin + "\"\n", "agent.yaml:10:17: hostCommands.ssh.privateKey: '", "not-a-key' is not a readable unencrypted SSH private key: ")]
    [InlineData("    host: h\n    user: u\n    privateKey: agent_key\n    knownHostSha256: \"MD5:aa:bb\"\n", "agent.yaml:11:22: hostCommands.ssh.knownHostSha256: 'MD5:aa:bb' is not a SHA-256 host key fingerprint", "")]
    [InlineData("    host: h\n    user: u\n    privateKey: agent_key\n    knownHostSha256: \"SHA256:tooshort\"\n", "agent.yaml:11:22: hostCommands.ssh.knownHostSha256: 'SHA256:tooshort' is not a SHA-256 host key fingerprint", "")]
    [InlineData("    host: h\n    user: u\n    privateKey: agent_key\n", "agent.yaml:8:5: hostCommands.ssh.knownHostSha256: ", "")]
    [InlineData("    host: h\n    user: u\n    password: secret\n    privateKey: agent_key\n    knownHostSha256: \"" + Pin + "\"\n", "agent.yaml:10:5: hostCommands.ssh.password: unknown key (expected one of host, port, user, privateKey, knownHostSha256, useSudo)", "")]
    [InlineData("    host: h\n    user: u\n    privateKey: agent_key\n    knownHostSha256: \"" + Pin + "\"\n    port: 0\n", "agent.yaml:12:11: hostCommands.ssh.port: ", "")]
    [InlineData("    host: 'not a host'\n    user: u\n    privateKey: agent_key\n    knownHostSha256: \"" + Pin + "\"\n", "agent.yaml:8:11: hostCommands.ssh.host: 'not a host' is not a host name or IP address", "")]
    [InlineData("    user: u\n    privateKey: agent_key\n    knownHostSha256: \"" + Pin + "\"\n", "agent.yaml:8:5: hostCommands.ssh.host: ", "")]
    public void Parse_BadSsh_OneLineErrorSaysWhere(string ssh, string expectedStart, string expectedPart)
    {
        var ex = Assert.Throws<AgentException>(() => Parse(ssh));

        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expectedPart, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_SshAndNetworkNamespace_Refused()
    {
        var ex = Assert.Throws<AgentException>(() => AgentConfigLoader.Parse(
            $"agentId: a1\nbroker: {{secret: s}}\njournal: j\nhostCommands:\n  controllerKeys:\n    - {{id: controller-1, publicKeyFile: controller.pub.pem}}\n  networkNamespace: ns1\n  ssh: {{host: h, user: u, privateKey: agent_key, knownHostSha256: \"{Pin}\"}}\n",
            "agent.yaml",
            _dir));

        Assert.Equal("agent.yaml:7:21: hostCommands.networkNamespace: give networkNamespace or ssh, not both (the steps run in one place)", ex.Message);
    }

    private AgentConfig Parse(string ssh) => AgentConfigLoader.Parse(
        "agentId: a1\nbroker: {secret: s}\njournal: j\nhostCommands:\n  controllerKeys:\n    - {id: controller-1, publicKeyFile: controller.pub.pem}\n  ssh:\n" + ssh,
        "agent.yaml",
        _dir);
}
