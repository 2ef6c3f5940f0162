namespace Overholt.Infrastructure.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// How often the outbox is polled where the database cannot wake the worker (SQLite, or PostgreSQL while its
    /// notifications are not heard), and how often in-memory job storage looks for due retries.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On PostgreSQL, where a new outbox message or job wakes the worker with a notification, how often the outbox and
    /// the job queue are polled anyway, in case a notification was lost.
    /// </summary>
    public TimeSpan FallbackPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>On PostgreSQL, how often due retries (scheduled jobs) are looked for: a retry starts up to this much after it is due.</summary>
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long dispatched and processed outbox messages, and the records of their processing, are kept.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Jobs run at once by this process's worker.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>Tries after the first failure before a job is left failed in the dashboard for someone to re-queue.</summary>
    public int RetryAttempts { get; set; } = 10;

    /// <summary>Waits between retries; empty means Hangfire's growing back-off (seconds, then minutes, then hours).</summary>
    public int[] RetryDelaysInSeconds { get; set; } = [];
}
