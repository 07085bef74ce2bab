namespace NetControl.Drivers.Tl1.Messages;

/// <summary>Acknowledgment codes (<c>IP 12\r\n&lt;</c>).</summary>
public enum Tl1AckCode
{
    /// <summary>IP: in progress; the response follows.</summary>
    InProgress,

    /// <summary>PF: printout follows.</summary>
    PrintoutFollows,

    /// <summary>OK: command received and executed.</summary>
    Ok,

    /// <summary>NA: not accepted; no response follows.</summary>
    NoAcknowledgment,

    /// <summary>NG: no good (bad command); no response follows.</summary>
    NoGood,

    /// <summary>RL: repeat later (busy); no response follows.</summary>
    RepeatLater,
}
