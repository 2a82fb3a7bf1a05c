namespace Christmas.Core.Scheduling;

/// <summary>Tuning of the dispatcher and the Hangfire server (section <c>Scheduler</c>); the defaults suit one instance.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Hangfire workers sending emails.</summary>
    public int WorkerCount { get; set; } = 4;
    /// <summary>How often idle Hangfire workers look for jobs (the SQLite storage has no wake-up; its default is 15 s).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    /// <summary>Longest sleep of the dispatcher between looks at the steps table.</summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Most steps handed to Hangfire and not yet claimed, so its queue stays short.</summary>
    public int MaxInFlight { get; set; } = 200;
    /// <summary>A step handed to a job that has not claimed it by then is handed over again (the job was lost).</summary>
    public TimeSpan RedispatchAfter { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>A claim older than this (worker crashed) goes back to the queue, keeping its idempotency key.</summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How often each instance sharing a database renews its heartbeat there.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// An instance whose heartbeat is older than this is dead: another instance releases its claimed and
    /// handed-over steps (so they go out within this plus two heartbeat intervals of the death).
    /// </summary>
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Attempts per send before the step is failed, when the error is not the provider being unavailable.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Wait before the second attempt; doubled after each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Longest wait between two attempts of one step.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>
    /// While the provider is unavailable (5xx, 429, unreachable), a step keeps trying for this long after
    /// its planned time, whatever <see cref="MaxAttempts"/> says: an outage delays emails, it does not lose them.
    /// </summary>
    public TimeSpan RetryUnavailableFor { get; set; } = TimeSpan.FromHours(24);
}
