namespace Overholt.Infrastructure.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often the outbox and the job queue are polled, and scheduled retries looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Jobs run at once by this process's worker.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>Tries after the first failure before a job is left failed in the dashboard for someone to re-queue.</summary>
    public int RetryAttempts { get; set; } = 10;

    /// <summary>Waits between retries; empty means Hangfire's growing back-off (seconds, then minutes, then hours).</summary>
    public int[] RetryDelaysInSeconds { get; set; } = [];
}
