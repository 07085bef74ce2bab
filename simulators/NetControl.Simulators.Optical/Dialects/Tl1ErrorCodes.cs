namespace NetControl.Simulators.Optical.Dialects;

/// <summary>The TL1 error codes (GR-833) the simulated switches answer DENY with.</summary>
public static class Tl1ErrorCodes
{
    /// <summary>Invalid command code: the switch does not know the command.</summary>
    public const string InvalidCommand = "IICM";

    /// <summary>Invalid AID: an unknown port, a port of the wrong direction, a malformed port list.</summary>
    public const string InvalidAid = "IIAC";

    /// <summary>Invalid syntax or punctuation: input that is no command.</summary>
    public const string InvalidSyntax = "IISP";

    /// <summary>Invalid CTAG.</summary>
    public const string InvalidCtag = "IICT";

    /// <summary>Invalid TID: the command names another element.</summary>
    public const string InvalidTid = "IITA";

    /// <summary>Parameter not valid: an unknown or malformed payload parameter.</summary>
    public const string InvalidParameter = "IPNV";

    /// <summary>Data not valid: the named connection does not exist.</summary>
    public const string InvalidData = "IDNV";

    /// <summary>Missing block: a required AID or payload block is empty.</summary>
    public const string MissingBlock = "IBMS";

    /// <summary>Login not active.</summary>
    public const string LoginNotActive = "PLNA";

    /// <summary>Privilege / illegal command code: used for a rejected login (unknown user or wrong password).</summary>
    public const string Privilege = "PICC";

    /// <summary>Requested operation failed: a port out of service; also the default injected denial.</summary>
    public const string OperationFailed = "SROF";

    /// <summary>Resource already connected.</summary>
    public const string AlreadyConnected = "SRAC";
}
