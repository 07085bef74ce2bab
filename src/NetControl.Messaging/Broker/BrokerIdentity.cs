namespace NetControl.Messaging.Broker;

/// <summary>Who an authenticated connection is.</summary>
public enum BrokerIdentity
{
    /// <summary>Not authenticated (or unknown user name).</summary>
    None,

    /// <summary>A probe or host agent: user name = client id = agent id.</summary>
    Agent,

    /// <summary>The controller: everything is allowed.</summary>
    Controller,
}
