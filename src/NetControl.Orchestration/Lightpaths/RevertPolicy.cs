namespace NetControl.Orchestration.Lightpaths;

/// <summary>What a restored lightpath does once its original path is repaired.</summary>
public enum RevertPolicy
{
    /// <summary>Stay on the restoration path.</summary>
    Stay,

    /// <summary>Move back to the original path after the wait-to-restore time, when it has stayed up that long.</summary>
    Revert,
}
