using Microsoft.Extensions.Logging;

namespace NetControl.Cli.Output;

/// <summary>Writes log messages at or above a level to standard error as <c>netctl: LEVEL: message</c>; serialises all output lines.</summary>
internal sealed class ConsoleLoggerFactory(CliConsole console, LogLevel minimum) : ILoggerFactory, ILogger
{
    private readonly Lock _gate = new();

    public void Write(TextWriter writer, string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("netctl logs to standard error only");

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Write(console.Error, $"netctl: {Level(logLevel)}: {formatter(state, exception)}");
        }
    }

    public void Dispose()
    {
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => "error",
        LogLevel.Warning => "warning",
        _ => "info",
    };
}
