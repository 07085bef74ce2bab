namespace NetControl.Drivers.Tl1.Messages;

/// <summary>The alarm code that opens an autonomous message.</summary>
public enum Tl1AlarmCode
{
    /// <summary><c>*C</c></summary>
    Critical,

    /// <summary><c>**</c></summary>
    Major,

    /// <summary><c>* </c> (star, space)</summary>
    Minor,

    /// <summary><c>A </c>: not an alarm (events, clears).</summary>
    NonAlarm,
}
