using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NetControl.Drivers.Snmp.Tests.Support;

/// <summary>One log line captured: category, level, event id, the formatted message and the structured values.</summary>
internal sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>
/// Captures every log line at or above <see cref="Minimum"/> (Debug by default), from loggers created by it as an
/// <see cref="ILoggerFactory"/> or by <see cref="For{T}"/>, so tests can assert what was logged.
/// </summary>
internal sealed class LogCapture(LogLevel minimum = LogLevel.Debug) : ILoggerFactory
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public LogLevel Minimum { get; } = minimum;

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Lines with event id <paramref name="eventId"/>.</summary>
    public IReadOnlyList<LogLine> WithEvent(int eventId) => [.. _lines.Where(l => l.EventId.Id == eventId)];

    public ILogger<T> For<T>() => new Logger<T>(this);

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("LogCapture captures; it does not forward to providers");

    public void Dispose()
    {
    }

    private void Add(LogLine line) => _lines.Enqueue(line);

    private sealed class CategoryLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= capture.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            capture.Add(new LogLine(category, logLevel, eventId, formatter(state, exception), values));
        }
    }

    private sealed class Logger<T>(LogCapture capture) : ILogger<T>
    {
        private readonly ILogger _inner = capture.CreateLogger(typeof(T).FullName ?? typeof(T).Name);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
