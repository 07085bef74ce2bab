namespace NetControl.Tests.Shared;

/// <summary>Polls a condition that another task or process will make true (network tests), with a generous limit.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="limit"/> (30 s).</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan? limit = null) => TrueAsync(() => Task.FromResult(condition()), limit);

    /// <summary>Returns once the asynchronous <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="limit"/> (30 s).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var within = limit ?? DefaultLimit;
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met within {within.TotalSeconds:0} s");
            }

            await Task.Delay(10);
        }
    }
}
