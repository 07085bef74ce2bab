using NetControl.Drivers.Tl1.Messages;
using NetControl.Simulators.Optical.Model;

namespace NetControl.Simulators.Optical.Dialects;

/// <summary>
/// The command set of one vendor, bound to one switch: turns a TL1 command from a session into a reply. Also says
/// how the element frames its output on a terminal connection (<see cref="EchoesInput"/>, <see cref="Prompt"/>), for
/// the server to honour.
/// </summary>
public interface ITl1Dialect
{
    SwitchDialect Kind { get; }

    /// <summary>True when the element echoes each command line back before answering (Glimmerglass).</summary>
    bool EchoesInput { get; }

    /// <summary>The prompt the element prints after each response (<c>&lt;</c> on Glimmerglass), or null.</summary>
    string? Prompt { get; }

    /// <summary>Executes <paramref name="command"/> for <paramref name="session"/>; never throws for bad input (that is a DENY).</summary>
    DialectReply Execute(Tl1AgentSession session, Tl1Command command);
}
