using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Dialects;
using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Tests.Support;

/// <summary>An agent for one switch with one session (logged in unless asked not to) and the autonomous messages it sent.</summary>
internal sealed class AgentHarness : IDisposable
{
    public AgentHarness(SimulatedNetwork network, string switchName, Tl1AgentOptions? options = null, bool login = true)
    {
        Network = network;
        Agent = new Tl1Agent(network.GetSwitch(switchName), options);
        Agent.AutonomousMessage += (_, e) => Messages.Add(e.Message);
        Session = Agent.OpenSession();
        if (login)
        {
            Completed($"ACT-USER:{switchName}:admin:1::secret;");
        }
    }

    public SimulatedNetwork Network { get; }

    public Tl1Agent Agent { get; }

    public Tl1AgentSession Session { get; }

    public OpticalSwitch Switch => Agent.Switch;

    public List<Tl1AutonomousMessage> Messages { get; } = [];

    public CommandOutcome Run(string text) => Agent.Execute(Session, Tl1Text.Command(text));

    /// <summary>The single response to <paramref name="text"/>.</summary>
    public Tl1Response Send(string text)
    {
        var outcome = Run(text);
        Assert.Equal(CommandDisposition.Respond, outcome.Disposition);
        return Assert.Single(outcome.Responses);
    }

    /// <summary>Asserts COMPLD with exactly <paramref name="lines"/>.</summary>
    public void Completed(string text, params string[] lines)
    {
        var response = Send(text);
        Assert.True(response.Code == Tl1CompletionCode.Completed, $"{text} -> {response.Code} {response.ErrorCode} {string.Join(' ', response.Comments)}");
        Assert.Equal(lines, response.Lines);
    }

    /// <summary>Asserts COMPLD and returns the lines.</summary>
    public IReadOnlyList<string> Lines(string text)
    {
        var response = Send(text);
        Assert.True(response.Code == Tl1CompletionCode.Completed, $"{text} -> {response.Code} {response.ErrorCode} {string.Join(' ', response.Comments)}");
        return response.Lines;
    }

    /// <summary>Asserts DENY with <paramref name="errorCode"/>, no lines and a comment.</summary>
    public Tl1Response Denied(string text, string errorCode)
    {
        var response = Send(text);
        Assert.Equal(Tl1CompletionCode.Denied, response.Code);
        Assert.Equal(errorCode, response.ErrorCode);
        Assert.Empty(response.Lines);
        Assert.NotEmpty(response.Comments);
        return response;
    }

    public void Dispose() => Agent.Dispose();
}
