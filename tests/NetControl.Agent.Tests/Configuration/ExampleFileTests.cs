using NetControl.Agent.Configuration;
using NetControl.Tests.Shared;

namespace NetControl.Agent.Tests.Configuration;

/// <summary>The documented example stays a valid configuration.</summary>
public sealed class ExampleFileTests
{
    [Fact]
    public void Load_AgentExampleYaml_IsValid()
    {
        string dir = Directory.CreateTempSubdirectory("agent-example-").FullName;
        string path = Path.Combine(dir, "agent.yaml");
        File.Copy(Path.Combine(SharedDataPath.RepositoryRoot(), "src", "NetControl.Agent", "agent.example.yaml"), path);
        File.WriteAllText(Path.Combine(dir, "agent.secret"), "example-secret\n");

        var config = AgentConfigLoader.Load(path, _ => null);

        Assert.Equal("gva-probe", config.AgentId);
        Assert.Equal("example-secret", config.Broker.Secret);
        Assert.Equal(["ams-probe", "nyc-probe"], config.Targets.Select(t => t.Id));
        Assert.Equal(TimeSpan.FromMilliseconds(200), config.Targets[1].Probe.Interval);
        Assert.Equal(862, config.Reflector!.Listen.Port);
    }
}
