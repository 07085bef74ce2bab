using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Codec;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Transport;

namespace NetControl.Drivers.Tl1.Session;

/// <summary>
/// One TL1 session to one network element over any <see cref="ITl1Transport"/>: owns framing, CTAG allocation and
/// correlation (many commands outstanding on one connection), per-command timeouts, ACT-USER login (again after
/// every reconnect), keep-alive <c>RTRV-HDR</c> when idle, reconnection with exponential backoff, and the stream of
/// autonomous messages with ATAG gap detection (<see cref="Events"/>). Commands issued while the connection is down
/// wait for the next login, within their timeout; commands outstanding when it breaks fail with
/// <see cref="Tl1ConnectionLostException"/>. Thread-safe.
/// </summary>
public sealed class Tl1Session : IAsyncDisposable
{
    private readonly ITl1Transport _transport;
    private readonly Tl1SessionOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, PendingCommand> _pending = new(StringComparer.Ordinal);
    private readonly CtagAllocator _ctags = new();
    private readonly Channel<Tl1SessionEvent> _events;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _life = new();
    private readonly TaskCompletionSource _firstLogin = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _stateLock = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITl1Channel? _channel;
    private Task? _runner;
    private int? _lastAtag;
    private long _lastActivity;
    private int _eventsDropped;
    private int _acknowledgments;

    public Tl1Session(ITl1Transport transport, Tl1SessionOptions options, ILogger<Tl1Session>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        _options = options;
        _logger = logger ?? NullLogger<Tl1Session>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _events = Channel.CreateBounded<Tl1SessionEvent>(
            new BoundedChannelOptions(Math.Max(16, options.EventCapacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false },
            _ => Interlocked.Exchange(ref _eventsDropped, 1));
    }

    public string Device => _options.Device;

    public Tl1SessionState State { get; private set; }

    /// <summary>Why the last connection attempt or connection failed (null until one did): what a caller that gave up waiting reports.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Autonomous messages, resync requests and state changes, in order.</summary>
    public ChannelReader<Tl1SessionEvent> Events => _events.Reader;

    /// <summary>Acknowledgments received so far (for tests).</summary>
    internal int AcknowledgmentsSeen => Volatile.Read(ref _acknowledgments);

    /// <summary>Number of commands awaiting their final response.</summary>
    public int Outstanding => _pending.Count;

    /// <summary>
    /// Connects and logs in; returns once the first login succeeded, after which the session reconnects on its own.
    /// Unreachable devices are retried with backoff until <paramref name="cancellationToken"/> gives up; a refused
    /// login (DENY) is thrown at once and closes the session.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(State == Tl1SessionState.Closed, this);
            _runner ??= Task.Run(RunAsync, CancellationToken.None);
        }

        await _firstLogin.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <c>CODE:TID:AID:CTAG:GB:payload...;</c> with a fresh CTAG and returns the final response, every part
    /// collected. Throws <see cref="Tl1DeniedException"/> on DENY (and NA/NG/RL), <see cref="Tl1TimeoutException"/>
    /// after <see cref="Tl1SessionOptions.CommandTimeout"/>, <see cref="Tl1ConnectionLostException"/> when the
    /// connection breaks first. A command denied PLNA right after login is retried once; denied PLNA again, the
    /// session reconnects, logs in again and sends it once more.
    /// </summary>
    public async Task<Tl1Result> SendAsync(string code, string aid = "", string generalBlock = "", IReadOnlyList<string>? payload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var blocks = payload is null ? ImmutableArray<string>.Empty : [.. payload];
        try
        {
            return await ExecuteAsync(code, aid, generalBlock, blocks, requireLogin: true, sentOn: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Tl1DeniedException denied) when (denied.ErrorCode == "PLNA" && State != Tl1SessionState.Closed)
        {
            Tl1SessionLog.RetryAfterPlna(_logger, Device, code, _options.LoginSettleDelay.TotalMilliseconds);
            await Task.Delay(_options.LoginSettleDelay, _time, cancellationToken).ConfigureAwait(false);

            // Only the retry's connection matters: a second PLNA says that connection's login is gone.
            var sentOn = new StrongBox<ITl1Channel?>();
            try
            {
                return await ExecuteAsync(code, aid, generalBlock, blocks, requireLogin: true, sentOn, cancellationToken).ConfigureAwait(false);
            }
            catch (Tl1DeniedException again) when (again.ErrorCode == "PLNA" && State != Tl1SessionState.Closed)
            {
                // Still "login not active" after the settle delay: the element has dropped our login (its own idle
                // timeout, a restart of its TL1 agent). Reconnect, which logs in again and asks for a resync, then
                // send once more on the new login.
                Tl1SessionLog.LoginLost(_logger, Device, code);
                await ReloginAsync(sentOn.Value).ConfigureAwait(false);
                return await ExecuteAsync(code, aid, generalBlock, blocks, requireLogin: true, sentOn: null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Drops <paramref name="lostOn"/>, the connection whose login the element forgot, so that the run loop connects
    /// and logs in again; commands wait for that login. Single-flight: when several commands were denied on that
    /// connection, the first one closes it and the others find it already gone (or replaced by the next connection,
    /// which they must not touch) and only wait for the next login.
    /// </summary>
    private async Task ReloginAsync(ITl1Channel? lostOn)
    {
        lock (_stateLock)
        {
            // Checked and reset together with the run loop's assignment of a new connection (also under the lock),
            // so a late caller can neither close the new connection nor reset the readiness of its login.
            if (lostOn is null || Interlocked.CompareExchange(ref _channel, null, lostOn) != lostOn)
            {
                return;
            }

            ResetReady();
        }

        await lostOn.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Logs out (best effort), closes the connection and fails whatever is outstanding.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_stateLock)
        {
            if (State == Tl1SessionState.Closed)
            {
                return;
            }

            State = Tl1SessionState.Closed;
        }

        if (_channel is not null && _ready.Task.IsCompletedSuccessfully)
        {
            try
            {
                using var logout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
                await ExecuteAsync("CANC-USER", _options.UserName, string.Empty, [], requireLogin: false, sentOn: null, logout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Tl1Exception or OperationCanceledException)
            {
                // Logging out is a courtesy; the connection closes either way.
            }
        }

        await _life.CancelAsync().ConfigureAwait(false);
        await CloseChannelAsync().ConfigureAwait(false);
        FailAll(new Tl1ConnectionLostException(Device, "the session was disposed", closed: true));
        _firstLogin.TrySetException(new Tl1ConnectionLostException(Device, "the session was disposed", closed: true));
        if (_runner is not null)
        {
            await _runner.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _events.Writer.TryComplete();
        _life.Dispose();
    }

    /// <param name="sentOn">When given, receives the connection the command was written on.</param>
    private async Task<Tl1Result> ExecuteAsync(string code, string aid, string generalBlock, ImmutableArray<string> payload, bool requireLogin, StrongBox<ITl1Channel?>? sentOn, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.CommandTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _life.Token);
        string ctag = "-";
        try
        {
            if (requireLogin)
            {
                await _ready.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            }

            ctag = _ctags.Next(_pending.ContainsKey);
            var pending = new PendingCommand(code, ctag, () => RestartTimeout(timeout));
            _pending[ctag] = pending;
            try
            {
                var command = new Tl1Command(code.ToUpperInvariant(), _options.Tid, aid, ctag, generalBlock, payload);
                var channel = await WriteAsync(command, linked.Token).ConfigureAwait(false);
                if (sentOn is not null)
                {
                    sentOn.Value = channel;
                }

                return await pending.Completion.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            finally
            {
                _pending.TryRemove(ctag, out _);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new Tl1TimeoutException(Device, code, ctag, _options.CommandTimeout);
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new Tl1ConnectionLostException(Device, "the session was disposed", closed: true);
        }
    }

    /// <summary>Writes <paramref name="command"/> on the current connection and returns that connection.</summary>
    private async Task<ITl1Channel> WriteAsync(Tl1Command command, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var channel = _channel ?? throw new Tl1ConnectionLostException(Device, "not connected");
            Tl1Writer.Write(channel.Output, command);
            Tl1SessionLog.Sent(_logger, Device, Tl1Writer.Redact(command));
            Touch();
            var flush = await channel.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flush.IsCompleted)
            {
                throw new Tl1ConnectionLostException(Device, "the device closed the connection");
            }

            return channel;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            throw new Tl1ConnectionLostException(Device, ex.Message, inner: ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task RunAsync()
    {
        var delay = _options.ReconnectInitialDelay;
        bool everConnected = false;
        while (!_life.IsCancellationRequested)
        {
            SetState(Tl1SessionState.Connecting, null);
            string? failure;
            try
            {
                var channel = await _transport.ConnectAsync(_life.Token).ConfigureAwait(false);
                lock (_stateLock)
                {
                    _channel = channel;
                }

                _lastAtag = null;
                var reader = Task.Run(
                    async () =>
                    {
                        // Fail what is outstanding as soon as the connection ends, the login included.
                        string? why = await ReadLoopAsync(channel).ConfigureAwait(false);

                        // Commands sent after their callers saw this failure must wait for the next login.
                        ResetReady();
                        FailAll(new Tl1ConnectionLostException(Device, why ?? "closed by the device"));
                        return why;
                    },
                    CancellationToken.None);
                await ExecuteAsync("ACT-USER", _options.UserName, string.Empty, [_options.Password.Reveal()], requireLogin: false, sentOn: null, _life.Token).ConfigureAwait(false);
                Tl1SessionLog.Connected(_logger, Device, _transport.Describe(), _options.UserName);
                SetState(Tl1SessionState.Ready, null);
                _ready.TrySetResult();
                _firstLogin.TrySetResult();
                if (everConnected)
                {
                    Publish(new Tl1SessionEvent.ResyncNeeded("reconnected: autonomous messages may have been missed"));
                }

                everConnected = true;
                delay = _options.ReconnectInitialDelay;
                using var stopKeepAlive = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
                var keepAlive = KeepAliveAsync(stopKeepAlive.Token);
                failure = await reader.ConfigureAwait(false);
                await stopKeepAlive.CancelAsync().ConfigureAwait(false);
                await keepAlive.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (_life.IsCancellationRequested)
            {
                break;
            }
            catch (Tl1DeniedException denied) when (!everConnected)
            {
                // A refused first login will not fix itself: report it to StartAsync and stop.
                _firstLogin.TrySetException(denied);
                await CloseChannelAsync().ConfigureAwait(false);
                SetState(Tl1SessionState.Closed, denied.Message);
                return;
            }
            catch (Exception ex) when (ex is DeviceException or IOException)
            {
                // Transient (refused, timed out, dropped): keep trying; StartAsync keeps waiting until cancelled.
                failure = ex.Message;
            }

            LastFailure = failure ?? "closed by the device";

            ResetReady();
            await CloseChannelAsync().ConfigureAwait(false);
            FailAll(new Tl1ConnectionLostException(Device, failure ?? "closed by the device"));
            if (_life.IsCancellationRequested)
            {
                break;
            }

            SetState(Tl1SessionState.Reconnecting, failure);
            Tl1SessionLog.ConnectionLost(_logger, Device, failure ?? "closed by the device", delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, _life.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }
    }

    /// <summary>Commands from now on wait for the next login; waiters of an unfinished login keep waiting for it.</summary>
    private void ResetReady()
    {
        lock (_stateLock)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Reads and dispatches until the channel ends; returns why it ended.</summary>
    private async Task<string?> ReadLoopAsync(ITl1Channel channel)
    {
        var parser = new Tl1MessageParser(_options.Codec);
        try
        {
            await Tl1PipeReader.ReadAllAsync<Tl1Message>(channel.Input, parser.TryParse, OnReceived, _life.Token).ConfigureAwait(false);
            return "the device closed the connection";
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            return "session closed";
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or DeviceException)
        {
            return ex.Message;
        }
    }

    private ValueTask OnReceived(Tl1Message? message, Tl1ParseError? error)
    {
        Touch();
        if (message is not null)
        {
            Dispatch(message);
        }
        else if (error is not null)
        {
            Tl1SessionLog.ParseError(_logger, Device, error.Message, error.Excerpt);
        }

        return ValueTask.CompletedTask;
    }

    private void Dispatch(Tl1Message message)
    {
        switch (message)
        {
            case Tl1Response response:
                if (_pending.TryGetValue(response.Ctag, out var pending))
                {
                    if (pending.Add(response, Device))
                    {
                        _pending.TryRemove(response.Ctag, out _);
                    }
                }
                else
                {
                    Tl1SessionLog.LateResponse(_logger, Device, response.Ctag, response.Code.ToString());
                }

                break;
            case Tl1Acknowledgment ack:
                OnAcknowledgment(ack);
                break;
            case Tl1AutonomousMessage autonomous:
                OnAutonomous(autonomous);
                break;
        }
    }

    private void OnAcknowledgment(Tl1Acknowledgment ack)
    {
        Interlocked.Increment(ref _acknowledgments);
        if (!_pending.TryGetValue(ack.Ctag, out var pending))
        {
            Tl1SessionLog.LateResponse(_logger, Device, ack.Ctag, ack.Code.ToString());
            return;
        }

        switch (ack.Code)
        {
            case Tl1AckCode.InProgress or Tl1AckCode.PrintoutFollows or Tl1AckCode.Ok:
                if (!pending.Acknowledged)
                {
                    // The element says the work takes long: restart the wait once.
                    pending.Acknowledged = true;
                    pending.RestartTimeout();
                }

                break;
            default:
                string code = ack.Code switch
                {
                    Tl1AckCode.NoAcknowledgment => "NA",
                    Tl1AckCode.NoGood => "NG",
                    _ => "RL",
                };
                pending.Completion.TrySetException(new Tl1DeniedException(Device, pending.Code, code, "acknowledgment without a response"));
                _pending.TryRemove(ack.Ctag, out _);
                break;
        }
    }

    private void OnAutonomous(Tl1AutonomousMessage message)
    {
        if (_lastAtag is int last)
        {
            int expected = last >= 65535 ? 1 : last + 1;
            if (message.Atag != expected)
            {
                Publish(new Tl1SessionEvent.ResyncNeeded($"ATAG gap: expected {expected}, got {message.Atag}"));
            }
        }

        _lastAtag = message.Atag;
        Publish(new Tl1SessionEvent.Autonomous(message));
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        if (_options.KeepAliveInterval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var idle = _time.GetElapsedTime(Interlocked.Read(ref _lastActivity));
            var wait = _options.KeepAliveInterval - idle;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await ExecuteAsync("RTRV-HDR", string.Empty, string.Empty, [], requireLogin: true, sentOn: null, cancellationToken).ConfigureAwait(false);
            }
            catch (Tl1Exception ex) when (ex is Tl1TimeoutException or Tl1ConnectionLostException)
            {
                Tl1SessionLog.KeepAliveFailed(_logger, Device, ex.Message);
                await CloseChannelAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    private void Publish(Tl1SessionEvent e)
    {
        if (Interlocked.Exchange(ref _eventsDropped, 0) == 1)
        {
            Tl1SessionLog.ResyncNeeded(_logger, Device, "the event buffer overflowed");
            _events.Writer.TryWrite(new Tl1SessionEvent.ResyncNeeded("events were dropped: the reader fell behind"));
        }

        if (e is Tl1SessionEvent.ResyncNeeded resync)
        {
            Tl1SessionLog.ResyncNeeded(_logger, Device, resync.Reason);
        }

        _events.Writer.TryWrite(e);
    }

    private void SetState(Tl1SessionState state, string? detail)
    {
        lock (_stateLock)
        {
            if (State == Tl1SessionState.Closed || State == state)
            {
                return;
            }

            State = state;
        }

        Publish(new Tl1SessionEvent.StateChanged(state, detail));
    }

    private void FailAll(Exception error)
    {
        foreach (var ctag in _pending.Keys)
        {
            if (_pending.TryRemove(ctag, out var pending))
            {
                pending.Completion.TrySetException(error);
            }
        }
    }

    private async Task CloseChannelAsync()
    {
        var channel = Interlocked.Exchange(ref _channel, null);
        if (channel is not null)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void RestartTimeout(CancellationTokenSource timeout)
    {
        try
        {
            timeout.CancelAfter(_options.CommandTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The command finished meanwhile.
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
}
