namespace NetControl.Cli;

/// <summary>netctl's exit codes (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad input data: a file that does not load, an unknown node, an invalid value.</summary>
    public const int InputError = 1;

    /// <summary>Bad command line: unknown command or option, missing or malformed argument.</summary>
    public const int UsageError = 2;

    /// <summary>The question has no answer: no path, no disjoint pair, no tree under the constraints.</summary>
    public const int NoResult = 3;

    /// <summary>A bug: an unexpected exception (details with NETCTL_DEBUG=1).</summary>
    public const int InternalError = 70;
}
