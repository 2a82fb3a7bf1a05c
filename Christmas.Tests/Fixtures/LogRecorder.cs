using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Christmas.Tests.Fixtures;

/// <summary>Keeps what a running app logs at Warning and above, to assert that a journey logged no error.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : $"\n  {Exception.GetType().Name}: {Exception.Message}")}";
    }

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Starts recording the app's log from now on.</summary>
    public static LogRecorder AttachTo(TestApp app)
    {
        var recorder = new LogRecorder();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(recorder);
        return recorder;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) recorder._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
        }
    }
}
