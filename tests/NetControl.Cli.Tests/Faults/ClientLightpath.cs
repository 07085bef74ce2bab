using System.Diagnostics;
using NetControl.Core.Lightpaths;

namespace NetControl.Cli.Tests.Faults;

/// <summary>How far a client got with one lightpath before the controller died.</summary>
internal enum ClientPhase
{
    NotStarted,
    Requesting,
    Provisioning,
    Active,
    Releasing,
    Released,
    Failed,
}

/// <summary>
/// One client of the controller's API: requests a lightpath, polls it until it is active, releases it when asked to,
/// polls until it is released. Keeps what the controller acknowledged (the 202s), which the controller must not lose.
/// </summary>
internal sealed class ClientLightpath(string from, string to, bool release)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private readonly List<string> _marks = [];
    private volatile string? _id;
    private volatile bool _sawActive;
    private volatile bool _releaseAccepted;
    private int _phase;

    public bool Release => release;

    /// <summary>The lightpath's id, once POST answered 202.</summary>
    public string? Id => _id;

    /// <summary>The client saw it active (and so did the controller's store).</summary>
    public bool SawActive => _sawActive;

    /// <summary>DELETE answered 202: the controller took the release.</summary>
    public bool ReleaseAccepted => _releaseAccepted;

    public ClientPhase Phase => (ClientPhase)Volatile.Read(ref _phase);

    /// <summary>The client has seen all it asked for happen (or its request fail).</summary>
    public bool Done => Phase == ClientPhase.Failed || Phase == (release ? ClientPhase.Released : ClientPhase.Active);

    /// <summary>What the client saw and when, e.g. <c>lp-7 (release) 202@2ms active@18ms del@18ms del-202@20ms released@30ms</c>.</summary>
    public override string ToString()
    {
        lock (_marks)
        {
            return $"{_id ?? $"{from}->{to}"} {(release ? "(release)" : "(keep)")} {string.Join(' ', _marks)}";
        }
    }

    /// <summary>
    /// Runs <paramref name="chain"/> one lightpath after the other until done or until the controller dies under it;
    /// returns an error only for an error answer (a broken connection or a cut-off body is the kill).
    /// </summary>
    public static async Task<string?> RunUntilKilledAsync(IReadOnlyList<ClientLightpath> chain, ControllerApi api, Stopwatch clock)
    {
        await Task.Yield();
        foreach (var lightpath in chain)
        {
            try
            {
                await lightpath.RunAsync(api, clock);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is not null)
            {
                return $"{lightpath}: {ex.Message}";
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or System.Text.Json.JsonException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Runs until done; errors (the controller was killed) propagate.</summary>
    public async Task RunAsync(ControllerApi api, Stopwatch clock)
    {
        Move(ClientPhase.Requesting, "post", clock);
        var lightpath = await api.RequestAsync(from, to);
        _id = lightpath.Id;
        Move(ClientPhase.Provisioning, "202", clock);
        var state = await UntilAsync(api, lightpath.Id, s => s is LightpathState.Active or LightpathState.Failed or LightpathState.Released);
        if (state != LightpathState.Active)
        {
            Move(ClientPhase.Failed, state.ToString().ToLowerInvariant(), clock);
            return;
        }

        _sawActive = true;
        Move(ClientPhase.Active, "active", clock);
        if (!release)
        {
            return;
        }

        Move(ClientPhase.Releasing, "del", clock);
        await api.ReleaseAsync(lightpath.Id);
        _releaseAccepted = true;
        Mark("del-202", clock);
        await UntilAsync(api, lightpath.Id, s => s == LightpathState.Released);
        Move(ClientPhase.Released, "released", clock);
    }

    private static async Task<LightpathState> UntilAsync(ControllerApi api, string id, Func<LightpathState, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var state = ControllerApi.State(await api.GetAsync(id));
            if (done(state))
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{id} still {state} after 60 s");
            }

            await Task.Delay(Poll);
        }
    }

    private void Move(ClientPhase phase, string mark, Stopwatch clock)
    {
        Volatile.Write(ref _phase, (int)phase);
        Mark(mark, clock);
    }

    private void Mark(string mark, Stopwatch clock)
    {
        lock (_marks)
        {
            _marks.Add($"{mark}@{clock.ElapsedMilliseconds}ms");
        }
    }
}
