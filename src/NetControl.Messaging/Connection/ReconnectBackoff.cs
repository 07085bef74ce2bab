namespace NetControl.Messaging.Connection;

/// <summary>Exponential reconnect delay with +-20 % jitter, reset after a successful connect.</summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max)
{
    private int _failures;

    public int Failures => _failures;

    public TimeSpan Next()
    {
        double factor = Math.Pow(2, Math.Min(_failures, 20));
        _failures++;
        double ms = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * factor);
        double jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(Math.Min(max.TotalMilliseconds, ms * jitter));
    }

    public void Reset() => _failures = 0;
}
