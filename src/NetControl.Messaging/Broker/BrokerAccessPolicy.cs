using System.Security.Cryptography;
using System.Text;
using NetControl.Messaging.Topics;

namespace NetControl.Messaging.Broker;

/// <summary>
/// Authentication and topic ACLs, as pure functions of the options. An agent authenticates with user name = its id,
/// its configured secret, and client id = its id (so nobody can take over its persistent session); it may publish
/// only under <c>netcontrol/v1/agents/{id}/</c> except the <c>commands</c> leaf, and subscribe only to its own
/// <c>commands</c> (and below). The controller identity may do everything, with any client id that is not an agent's.
/// </summary>
public sealed class BrokerAccessPolicy
{
    private readonly Dictionary<string, byte[]> _agents;
    private readonly string _controller;
    private readonly byte[]? _controllerSecret;

    public BrokerAccessPolicy(EmbeddedBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (string id in options.AgentSecrets.Keys)
        {
            TopicScheme.ValidateAgentId(id);
        }

        _agents = options.AgentSecrets.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value), StringComparer.Ordinal);
        _controller = options.ControllerUserName;
        _controllerSecret = options.ControllerSecret is null ? null : Encoding.UTF8.GetBytes(options.ControllerSecret);
        if (_agents.ContainsKey(_controller))
        {
            throw new ArgumentException($"controller user name '{_controller}' is also configured as an agent", nameof(options));
        }
    }

    /// <summary>Checks a CONNECT; on refusal <paramref name="reason"/> says why (without the secret).</summary>
    public BrokerIdentity Authenticate(string? clientId, string? userName, ReadOnlySpan<byte> password, out string reason)
    {
        reason = string.Empty;
        if (string.IsNullOrEmpty(userName))
        {
            reason = "no user name";
            return BrokerIdentity.None;
        }

        if (_controllerSecret is not null && string.Equals(userName, _controller, StringComparison.Ordinal))
        {
            if (!CryptographicOperations.FixedTimeEquals(password, _controllerSecret))
            {
                reason = "wrong secret";
                return BrokerIdentity.None;
            }

            if (clientId is not null && _agents.ContainsKey(clientId))
            {
                reason = $"client id '{clientId}' belongs to an agent";
                return BrokerIdentity.None;
            }

            return BrokerIdentity.Controller;
        }

        if (!_agents.TryGetValue(userName, out var secret))
        {
            reason = "unknown user";
            return BrokerIdentity.None;
        }

        if (!CryptographicOperations.FixedTimeEquals(password, secret))
        {
            reason = "wrong secret";
            return BrokerIdentity.None;
        }

        if (!string.Equals(clientId, userName, StringComparison.Ordinal))
        {
            reason = $"client id '{clientId}' is not the agent id";
            return BrokerIdentity.None;
        }

        return BrokerIdentity.Agent;
    }

    /// <summary>The identity of an already authenticated user name.</summary>
    public BrokerIdentity IdentityOf(string? userName) =>
        userName is null ? BrokerIdentity.None
        : _controllerSecret is not null && string.Equals(userName, _controller, StringComparison.Ordinal) ? BrokerIdentity.Controller
        : _agents.ContainsKey(userName) ? BrokerIdentity.Agent
        : BrokerIdentity.None;

    public bool CanPublish(string? userName, string topic)
    {
        switch (IdentityOf(userName))
        {
            case BrokerIdentity.Controller:
                return true;
            case BrokerIdentity.Agent:
                return TopicScheme.TryParseAgentTopic(topic, out var agent, out var kind)
                    && agent.SequenceEqual(userName)
                    && kind != AgentTopicKind.Commands;
            default:
                return false;
        }
    }

    public bool CanSubscribe(string? userName, string filter)
    {
        switch (IdentityOf(userName))
        {
            case BrokerIdentity.Controller:
                return true;
            case BrokerIdentity.Agent:
                string own = TopicScheme.Commands(userName!);
                return string.Equals(filter, own, StringComparison.Ordinal) || filter.StartsWith(own + "/", StringComparison.Ordinal);
            default:
                return false;
        }
    }
}
