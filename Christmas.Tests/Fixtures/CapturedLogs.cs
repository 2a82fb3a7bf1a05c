using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Christmas.Tests.Fixtures;

/// <summary>A logger provider that keeps every line an app logs (category, level, message), for tests that assert a log line.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Line(string Category, LogLevel Level, string Message);

    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyList<Line> Lines => _lines.ToArray();

    /// <summary>For <see cref="TestApp.StartAsync"/>'s services: adds this provider to the app's logging.</summary>
    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new Line(category, logLevel, formatter(state, exception)));
    }
}
