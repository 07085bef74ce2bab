using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>
/// What both dialects share: CTAG and TID checks, ACT-USER / CANC-USER / RTRV-HDR, and PLNA for any other command
/// before login. Vendor commands go to <see cref="ExecuteCommand"/>; a command it does not know is IICM.
/// </summary>
internal abstract class Tl1DialectBase(OpticalSwitch sw, Tl1AgentOptions options) : ITl1Dialect
{
    /// <summary>The most AIDs one list may name, ranges expanded.</summary>
    public const int MaxAids = 4096;

    /// <summary>The most <c>&amp;&amp;</c> ranges one list may hold (each may name up to <see cref="Tl1Aid.MaxRangeLength"/> AIDs before the <see cref="MaxAids"/> check).</summary>
    public const int MaxRanges = 16;

    protected OpticalSwitch Switch { get; } = sw;

    protected Tl1AgentOptions Options { get; } = options;

    protected DateTimeOffset Now => Switch.Network.Time.GetUtcNow();

    public abstract SwitchDialect Kind { get; }

    public virtual bool EchoesInput => false;

    public virtual string? Prompt => null;

    public DialectReply Execute(Tl1AgentSession session, Tl1Command command)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(command);
        if (!IsValidCtag(command.Ctag))
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidCtag, $"invalid CTAG '{command.Ctag}'");
        }

        if (command.Tid.Length > 0 && !string.Equals(command.Tid, Switch.Name, StringComparison.OrdinalIgnoreCase))
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidTid, $"this is {Switch.Name}, not {command.Tid}");
        }

        string code = command.Code.ToUpperInvariant();
        if (code == "ACT-USER")
        {
            return LogIn(session, command);
        }

        if (!session.IsLoggedIn)
        {
            return DialectReply.Deny(Tl1ErrorCodes.LoginNotActive, "login not active");
        }

        if (BeforeCommand(session) is { } early)
        {
            return early;
        }

        switch (code)
        {
            case "CANC-USER":
                session.LogOut();
                return DialectReply.Completed();
            case "RTRV-HDR":
                return DialectReply.Completed();
            default:
                return ExecuteCommand(session, code, command) ?? DialectReply.Deny(Tl1ErrorCodes.InvalidCommand, $"{code} is not a command of {Switch.Name}");
        }
    }

    /// <summary>A reply that pre-empts the command of a logged-in session (the Calient login quirk), or null.</summary>
    protected virtual DialectReply? BeforeCommand(Tl1AgentSession session) => null;

    /// <summary>The reply to a vendor command of a logged-in session, or null for a command the dialect does not have.</summary>
    protected abstract DialectReply? ExecuteCommand(Tl1AgentSession session, string code, Tl1Command command);

    /// <summary>COMPLD for success, else DENY with the code of the refusal and its message.</summary>
    protected static DialectReply Reply(SwitchResult result) =>
        result.Failure is { } failure ? DialectReply.Deny(SwitchErrorCodes.Of(failure.Error), failure.Message) : DialectReply.Completed();

    /// <summary>The ports of an AID list, or a DENY: IIAC for a malformed list or an unknown port.</summary>
    protected DialectReply? ResolvePorts(string block, out List<string> ports)
    {
        ports = [];
        if (ExpandAids(block) is not { } aids)
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"malformed AID list '{block}'");
        }

        foreach (string aid in aids)
        {
            if (Switch.FindPort(aid) is not { } port)
            {
                return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, $"{Switch.Name}: no port '{aid}'");
            }

            ports.Add(port.Name);
        }

        return null;
    }

    /// <summary>
    /// The AIDs of a list (<see cref="Tl1Aid.Expand"/>: <c>&amp;</c> lists, <c>&amp;&amp;</c> ranges), or null when
    /// it is malformed (the caller answers IIAC): empty, an empty element, a bad, reversed or chained range, more
    /// than <see cref="MaxRanges"/> ranges or more than <see cref="MaxAids"/> AIDs.
    /// </summary>
    protected static IReadOnlyList<string>? ExpandAids(string block)
    {
        // Checked before expanding so that a long list of wide ranges cannot make the switch allocate millions of AIDs.
        if (block.Trim().Length == 0 || CountRanges(block) > MaxRanges)
        {
            return null;
        }

        try
        {
            var aids = Tl1Aid.Expand(block);
            return aids.Count <= MaxAids ? aids : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    protected static bool IsAll(string aid) => aid.Length == 0 || aid.Equals("ALL", StringComparison.OrdinalIgnoreCase);

    private static int CountRanges(string block)
    {
        int count = 0;
        for (int at = block.IndexOf("&&", StringComparison.Ordinal); at >= 0; at = block.IndexOf("&&", at + 2, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Up to 6 characters: letters and digits (an identifier), or a non-zero decimal; empty is allowed (answered as 0).</summary>
    private static bool IsValidCtag(string ctag) =>
        ctag.Length <= 6 && ctag.All(char.IsAsciiLetterOrDigit) && !(ctag.Length > 0 && ctag.All(char.IsAsciiDigit) && ctag.All(c => c == '0'));

    private DialectReply LogIn(Tl1AgentSession session, Tl1Command command)
    {
        string user = command.Aid.Trim();
        if (user.Length == 0)
        {
            return DialectReply.Deny(Tl1ErrorCodes.InvalidAid, "ACT-USER needs a user id in the AID block");
        }

        if (Options.Users is { } users && (!users.TryGetValue(user, out string? password) || password != command.PayloadAt(0)))
        {
            return DialectReply.Deny(Tl1ErrorCodes.Privilege, "invalid user id or password");
        }

        session.LogIn(user, Now);
        return DialectReply.Completed();
    }
}
