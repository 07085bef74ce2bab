namespace NetControl.Drivers.Tl1.Session;

/// <summary>Where a <see cref="Tl1Session"/> is in its life.</summary>
public enum Tl1SessionState
{
    /// <summary>Not started yet.</summary>
    Idle,

    /// <summary>Opening the channel or logging in.</summary>
    Connecting,

    /// <summary>Logged in; commands flow.</summary>
    Ready,

    /// <summary>The connection broke; waiting before the next attempt.</summary>
    Reconnecting,

    /// <summary>Disposed.</summary>
    Closed,
}
