using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NetControl.Messaging.Tests.Support;

/// <summary>Collects formatted log lines (with event ids) so tests can assert what was logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));

    public bool Has(int eventId) => Entries.Any(e => e.EventId == eventId);

    public IReadOnlyList<string> Messages(int eventId) => [.. Entries.Where(e => e.EventId == eventId).Select(e => e.Message)];
}
