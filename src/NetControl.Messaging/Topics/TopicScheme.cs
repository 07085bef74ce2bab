namespace NetControl.Messaging.Topics;

/// <summary>
/// The MQTT topic scheme: everything lives under <c>netcontrol/v1/agents/{agentId}/</c> with the leaves
/// <c>status</c>, <c>measurements</c>, <c>commands</c> (signed, controller to agent) and <c>results</c> (agent to controller). Agent ids are MQTT-safe: no <c>/</c>, <c>+</c>, <c>#</c>,
/// no control characters, 1-64 characters.
/// </summary>
public static class TopicScheme
{
    /// <summary>Prefix shared by every NetControl topic (version 1 of the scheme).</summary>
    public const string Root = "netcontrol/v1";

    /// <summary>Prefix of the per-agent topics, followed by the agent id.</summary>
    public const string AgentsPrefix = Root + "/agents/";

    /// <summary>Subscription filter for every agent's measurements.</summary>
    public const string AllMeasurements = AgentsPrefix + "+/measurements";

    /// <summary>Subscription filter for every agent's status.</summary>
    public const string AllStatus = AgentsPrefix + "+/status";

    /// <summary>Longest accepted agent id.</summary>
    public const int MaxAgentIdLength = 64;

    public static string Status(string agentId) => Agent(agentId, "status");

    public static string Measurements(string agentId) => Agent(agentId, "measurements");

    public static string Commands(string agentId) => Agent(agentId, "commands");

    public static string Results(string agentId) => Agent(agentId, "results");

    /// <summary>Subscription filter for every agent's command results.</summary>
    public const string AllResults = AgentsPrefix + "+/results";

    /// <summary>The prefix <c>netcontrol/v1/agents/{agentId}/</c> under which that agent owns its topics.</summary>
    public static string AgentPrefix(string agentId)
    {
        ValidateAgentId(agentId);
        return AgentsPrefix + agentId + "/";
    }

    /// <summary>True when <paramref name="agentId"/> can be used as a topic level and client id.</summary>
    public static bool IsValidAgentId(ReadOnlySpan<char> agentId)
    {
        if (agentId.IsEmpty || agentId.Length > MaxAgentIdLength)
        {
            return false;
        }

        foreach (char c in agentId)
        {
            if (c is '/' or '+' or '#' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when the id is not usable.</summary>
    public static void ValidateAgentId(string agentId)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        if (!IsValidAgentId(agentId))
        {
            throw new ArgumentException($"agent id '{agentId}' is not usable as an MQTT topic level (1-{MaxAgentIdLength} characters, no '/', '+', '#', whitespace or control characters)", nameof(agentId));
        }
    }

    /// <summary>
    /// Splits <c>netcontrol/v1/agents/{agentId}/{kind}</c> without allocating; false for anything else (other
    /// prefixes, deeper levels, unknown leaves, invalid ids).
    /// </summary>
    public static bool TryParseAgentTopic(ReadOnlySpan<char> topic, out ReadOnlySpan<char> agentId, out AgentTopicKind kind)
    {
        agentId = default;
        kind = default;
        if (!topic.StartsWith(AgentsPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic[AgentsPrefix.Length..];
        int slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var id = rest[..slash];
        var leaf = rest[(slash + 1)..];
        if (!IsValidAgentId(id))
        {
            return false;
        }

        switch (leaf)
        {
            case "status":
                kind = AgentTopicKind.Status;
                break;
            case "measurements":
                kind = AgentTopicKind.Measurements;
                break;
            case "commands":
                kind = AgentTopicKind.Commands;
                break;
            case "results":
                kind = AgentTopicKind.Results;
                break;
            default:
                return false;
        }

        agentId = id;
        return true;
    }

    private static string Agent(string agentId, string leaf)
    {
        ValidateAgentId(agentId);
        return AgentsPrefix + agentId + "/" + leaf;
    }
}
