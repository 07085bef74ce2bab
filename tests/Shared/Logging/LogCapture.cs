using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NetControl.Tests.Shared;

/// <summary>One log line captured: category, level, event id, the formatted message, the structured values and the exception.</summary>
internal sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception)
{
    /// <summary>The line as a log would print it, exception included, for "never logged" checks.</summary>
    public override string ToString() => $"{Level} {Category} [{EventId.Id}] {Message} {Exception}";
}

/// <summary>
/// Captures every log line at or above <see cref="Minimum"/> (everything by default), from loggers created by it as
/// an <see cref="ILoggerFactory"/> (or as a provider added to one) or by <see cref="For{T}"/>, so tests can assert what
/// was (and was not) logged.
/// Test projects that use it set <c>SharedLogCapture</c> to true (tests/Directory.Build.props).
/// </summary>
internal sealed class LogCapture(LogLevel minimum = LogLevel.Trace) : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public LogLevel Minimum { get; } = minimum;

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Lines with event id <paramref name="eventId"/>.</summary>
    public IReadOnlyList<LogLine> WithEvent(int eventId) => [.. _lines.Where(l => l.EventId.Id == eventId)];

    /// <summary>The formatted messages, of every line or of those with event id <paramref name="eventId"/>.</summary>
    public IReadOnlyList<string> Messages(int? eventId = null) => [.. _lines.Where(l => eventId is null || l.EventId.Id == eventId).Select(l => l.Message)];

    /// <summary>How many messages contain <paramref name="text"/>.</summary>
    public int Count(string text) => _lines.Count(l => l.Message.Contains(text, StringComparison.Ordinal));

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
            capture.Add(new LogLine(category, logLevel, eventId, formatter(state, exception), values, exception));
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
