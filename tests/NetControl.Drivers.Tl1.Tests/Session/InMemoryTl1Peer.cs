using System.Buffers;
using System.IO.Pipelines;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Drivers.Tl1.Tests.Session;

/// <summary>
/// A TL1 element on in-memory pipes, for orderings a TCP peer cannot pin down: the session's flush of a command
/// completes only after the element's handler for it has returned (the pipe to the element pauses its writer while
/// one byte is unconsumed, and the element consumes a command after handling it). A handler can therefore answer,
/// and see its answer processed, before the session's write returns.
/// </summary>
internal sealed class InMemoryTl1Peer(Func<Tl1Command, Func<Tl1Acknowledgment, Task>, Func<Tl1Response, Task>, Task> handler) : ITl1Transport
{
    public string Describe() => "in-memory pipes";

    public ValueTask<ITl1Channel> ConnectAsync(CancellationToken cancellationToken)
    {
        var toElement = new Pipe(new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1, useSynchronizationContext: false));
        var toSession = new Pipe(new PipeOptions(useSynchronizationContext: false));
        _ = Task.Run(() => ServeAsync(toElement.Reader, toSession.Writer), CancellationToken.None);

        return ValueTask.FromResult<ITl1Channel>(new Channel(toSession.Reader, toElement.Writer));
    }

    private async Task ServeAsync(PipeReader commands, PipeWriter replies)
    {
        var gate = new SemaphoreSlim(1, 1);
        async Task Send(Action<IBufferWriter<byte>> write)
        {
            await gate.WaitAsync();
            try
            {
                write(replies);
                await replies.FlushAsync();
            }
            finally
            {
                gate.Release();
            }
        }

        var parser = new Tl1CommandParser();
        try
        {
            await Tl1PipeReader.ReadAllAsync<Tl1Command>(
                commands,
                parser.TryParse,
                async (command, _) =>
                {
                    if (command is not null)
                    {
                        await handler(command, ack => Send(b => Tl1Writer.Write(b, ack)), response => Send(b => Tl1Writer.Write(b, response)));
                    }
                },
                CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // The session closed the channel.
        }
        finally
        {
            await commands.CompleteAsync();
            await replies.CompleteAsync();
        }
    }

    private sealed class Channel(PipeReader input, PipeWriter output) : ITl1Channel
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;

        public async ValueTask DisposeAsync()
        {
            await Output.CompleteAsync();
            Input.CancelPendingRead();
            await Input.CompleteAsync();
        }
    }
}
