using System.IO.Pipelines;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// One open byte stream to a TL1 network element. Bytes pass unchanged both ways: no echo, no line-ending
/// translation, no framing.
/// </summary>
/// <remarks>
/// <para><see cref="Input"/> completes (<see cref="ReadResult.IsCompleted"/>) when the peer closes the stream
/// or the channel is disposed; it faults with <see cref="Tl1TransportException"/> when the connection breaks
/// (reset, SSH failure). After <see cref="Output"/> is completed the channel sends no more; a flush reports
/// <see cref="FlushResult.IsCompleted"/> once the connection is gone.</para>
/// <para><see cref="IAsyncDisposable.DisposeAsync"/> sends what was already flushed (waiting at most a couple
/// of seconds for it to leave), closes the connection (sockets, SSH client) and completes pending reads; it is
/// safe to call while another task reads or writes, and more than once.</para>
/// </remarks>
public interface ITl1Channel : IAsyncDisposable
{
    /// <summary>Bytes received from the network element.</summary>
    PipeReader Input { get; }

    /// <summary>Bytes to send to the network element; they leave on <see cref="PipeWriter.FlushAsync"/>.</summary>
    PipeWriter Output { get; }
}
