using System.Collections.Immutable;
using NetControl.Drivers.Tl1.Messages;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>
/// One command awaiting its final response: collects the parts of multi-part and RTRV responses.
/// <paramref name="restartTimeout"/> is known before the command is written, so an <c>IP</c> that arrives while
/// the write is still being flushed restarts the wait too.
/// </summary>
internal sealed class PendingCommand(string code, string ctag, Action restartTimeout)
{
    private readonly ImmutableArray<string>.Builder _lines = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _comments = ImmutableArray.CreateBuilder<string>();

    public string Code { get; } = code;

    public string Ctag { get; } = ctag;

    public TaskCompletionSource<Tl1Result> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when an IP/PF acknowledgment already restarted the timeout.</summary>
    public bool Acknowledged { get; set; }

    /// <summary>Restarts the command's timeout.</summary>
    public Action RestartTimeout { get; } = restartTimeout;

    /// <summary>Adds one part; returns true when it was the final one (the command is then completed or failed).</summary>
    public bool Add(Tl1Response part, string device)
    {
        _lines.AddRange(part.Lines);
        _comments.AddRange(part.Comments);
        if (part.More || part.Code == Tl1CompletionCode.Retrieving)
        {
            return false;
        }

        if (part.Code == Tl1CompletionCode.Denied)
        {
            string detail = string.Join("; ", _comments.Concat(_lines));
            Completion.TrySetException(new Tl1DeniedException(device, Code, part.ErrorCode ?? "DENY", detail));
        }
        else
        {
            Completion.TrySetResult(new Tl1Result(part.Code, _lines.ToImmutable(), _comments.ToImmutable()));
        }

        return true;
    }
}
