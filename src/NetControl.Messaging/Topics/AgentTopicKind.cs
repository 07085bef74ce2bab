namespace NetControl.Messaging.Topics;

/// <summary>The leaf of an agent topic <c>netcontrol/v1/agents/{agentId}/{kind}</c>.</summary>
public enum AgentTopicKind
{
    /// <summary>Retained online/offline status (the last will is the offline one).</summary>
    Status,

    /// <summary>Batches of per-interval probe summaries, QoS 1.</summary>
    Measurements,

    /// <summary>Controller to agent commands, signed by the controller.</summary>
    Commands,

    /// <summary>Agent to controller: what a command did.</summary>
    Results,
}
