using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Christmas.Admin.Extensions;

/// <summary>
/// Hangfire's log provider is process-wide (static). When several hosts share a process (the
/// tests), the last host's provider wins, and once that host stops, Hangfire code in the others
/// failed creating loggers from its disposed LoggerFactory (a job could not even be enqueued).
/// This provider hands out a silent logger instead of failing.
/// </summary>
public sealed class DisposalTolerantLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return new SilentLog();
        }
    }

    private sealed class SilentLog : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
