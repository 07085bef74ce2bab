namespace NetControl.Core.Lightpaths;

/// <summary>
/// A trigger was fired in a state where the transition table does not allow it. The message is one line:
/// <c>lightpath lp-7: cannot ReleaseCompleted while Active</c>.
/// </summary>
public sealed class InvalidLightpathTransitionException : NetControlException
{
    public InvalidLightpathTransitionException(string lightpathId, LightpathState state, LightpathTrigger trigger)
        : base($"lightpath {lightpathId}: cannot {trigger} while {state}")
    {
        LightpathId = lightpathId;
        State = state;
        Trigger = trigger;
    }

    /// <summary>The lightpath the trigger was fired on.</summary>
    public string LightpathId { get; }

    /// <summary>The state it was in (and still is: nothing changed).</summary>
    public LightpathState State { get; }

    /// <summary>The refused trigger.</summary>
    public LightpathTrigger Trigger { get; }
}
