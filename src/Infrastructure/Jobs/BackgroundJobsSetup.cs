using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Overholt.Infrastructure.Hosting;
using Overholt.Infrastructure.Imports;
using Overholt.Infrastructure.Persistence;

namespace Overholt.Infrastructure.Jobs;

public static class BackgroundJobsSetup
{
    /// <summary>The schema of Hangfire's tables on PostgreSQL: apart from the app's, so data resets leave the job engine alone.</summary>
    public const string HangfireSchema = "hangfire";

    /// <summary>
    /// Hangfire on PostgreSQL when the app is, in memory otherwise (the outbox stays the durable record), and when
    /// <paramref name="runWorker"/> is set, the worker: the Hangfire server and the outbox dispatcher.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration, bool runWorker)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section))
            .Validate(options => options.PollInterval > TimeSpan.Zero, "Jobs:PollInterval must be positive")
            .Validate(options => options.FallbackPollInterval > TimeSpan.Zero, "Jobs:FallbackPollInterval must be positive")
            .Validate(options => options.SchedulePollInterval > TimeSpan.Zero, "Jobs:SchedulePollInterval must be positive")
            .Validate(options => options.OutboxRetention > TimeSpan.Zero, "Jobs:OutboxRetention must be positive")
            .Validate(options => options.WorkerCount > 0, "Jobs:WorkerCount must be at least 1")
            .Validate(options => options.RetryAttempts >= 0, "Jobs:RetryAttempts cannot be negative")
            .ValidateOnStart();
        services.AddSingleton<WorkerInstance>();
        services.AddScoped<OutboxJob>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxPurger>();

        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Default")!;

        // One storage per host, registered before AddHangfire so its static JobStorage.Current is not used:
        // several hosts (tests, or web and worker in one process) can each have their own.
        // Jobs are enqueued in a worker process (by its outbox dispatcher, and Hangfire's schedulers for retries), so
        // Hangfire's in-process signal wakes its workers at once; the queue is polled every Jobs:FallbackPollInterval
        // for the rest (a job re-queued from the dashboard of a web-only node). Not Hangfire.PostgreSql's long polling:
        // its LISTEN connections (one per worker thread, and pooled ones left listening) are woken by every
        // notification in the database, each catalogue change included, which cost a store's creation 8% of its speed.
        // Expired jobs are deleted hourly and counters aggregated every 5 minutes (Hangfire's defaults, stated).
        services.AddSingleton<JobStorage>(serviceProvider =>
        {
            var jobs = serviceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
            return provider == DatabaseProvider.Postgres
                ? new PostgreSqlStorage(
                    new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = HangfireSchema,
                        PrepareSchemaIfNecessary = true,
                        EnableLongPolling = false,
                        QueuePollInterval = jobs.FallbackPollInterval,
                        JobExpirationCheckInterval = TimeSpan.FromHours(1),
                        CountersAggregateInterval = TimeSpan.FromMinutes(5),
                    })
                : new InMemoryStorage(new InMemoryStorageOptions());
        });
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (runWorker)
        {
            services.AddHangfireServer((serviceProvider, server) =>
            {
                var jobs = serviceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.ServerName = serviceProvider.GetRequiredService<WorkerInstance>().Name;
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = SchedulePolling(serviceProvider.GetRequiredService<JobStorage>(), jobs);
                server.FilterProvider = RetryFilters(jobs);
                // Stopping, the worker takes no new job and lets running ones finish within the drain time; then cancels them.
                var shutdown = serviceProvider.GetRequiredService<IOptions<ShutdownOptions>>().Value;
                server.StopTimeout = shutdown.DrainTime;
                server.ShutdownTimeout = shutdown.DrainTime + TimeSpan.FromSeconds(5);
            });
            services.AddHostedService<OutboxDispatcher>();
            services.AddHostedService<AbandonedImportSweep>();
            services.AddHostedService(serviceProvider => serviceProvider.GetRequiredService<OutboxPurger>());
            if (provider == DatabaseProvider.Postgres)
            {
                services.AddNotificationChannel<OutboxListener>(connectionString);
            }
        }

        return services;
    }

    /// <summary>
    /// How often this server looks for due retries. In memory that costs nothing; on PostgreSQL each look takes a
    /// distributed lock (four or five statements), and Hangfire's two schedulers (delayed and recurring jobs) look at
    /// this interval each. Server heartbeats (30 s) and the check for dead servers (5 min) keep Hangfire's defaults.
    /// </summary>
    private static TimeSpan SchedulePolling(JobStorage storage, JobsOptions jobs) =>
        storage is InMemoryStorage ? jobs.PollInterval : jobs.SchedulePollInterval;

    /// <summary>Hangfire's global filters with the retry policy from configuration in place of its default one, for this server only.</summary>
    private static JobFilterCollection RetryFilters(JobsOptions jobs)
    {
        var filters = new JobFilterCollection();
        foreach (var filter in GlobalJobFilters.Filters.Where(filter => filter.Instance is not AutomaticRetryAttribute))
            filters.Add(filter.Instance, filter.Order);
        filters.Add(new AutomaticRetryAttribute
        {
            Attempts = jobs.RetryAttempts,
            DelaysInSeconds = jobs.RetryDelaysInSeconds.Length > 0 ? jobs.RetryDelaysInSeconds : null,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
        return filters;
    }
}
