namespace NetControl.Drivers.Snmp.Tests.Fixtures;

/// <summary>What a net-snmp command-line tool printed and how it ended.</summary>
/// <param name="CommandLine">The command as run (passwords included: these are test credentials).</param>
/// <param name="ExitCode">Its exit code (-1 when it was killed at the timeout).</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
/// <param name="TimedOut">True when the tool was killed because it ran past its timeout.</param>
internal sealed record NetSnmpToolResult(string CommandLine, int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The variable bindings printed on standard output (numeric OIDs, <c>-On</c>).</summary>
    public IReadOnlyList<NetSnmpVarBind> VarBinds => NetSnmpVarBind.ParseAll(Stdout);

    /// <summary>Asserts the tool exited 0 and returns the variable bindings it printed.</summary>
    public IReadOnlyList<NetSnmpVarBind> AssertSucceeded()
    {
        Assert.True(Succeeded, Describe());
        return VarBinds;
    }

    /// <summary>Command, exit code and both outputs, for assertion messages.</summary>
    public string Describe() =>
        $"{CommandLine}\nexit {ExitCode}{(TimedOut ? " (timed out)" : string.Empty)}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";

    public override string ToString() => Describe();
}
