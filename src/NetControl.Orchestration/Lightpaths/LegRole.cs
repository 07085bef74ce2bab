namespace NetControl.Orchestration.Lightpaths;

/// <summary>Which leg of a lightpath carries traffic.</summary>
public enum LegRole
{
    Working,
    Protection,
}
