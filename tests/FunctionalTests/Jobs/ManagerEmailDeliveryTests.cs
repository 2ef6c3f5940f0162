using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Email;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Jobs;

/// <summary>
/// Adding or removing a manager emails them from a background job, through a real SMTP server on loopback, with the
/// job engine on PostgreSQL. Each test has its own database and hosts: web, worker, or both in one.
/// </summary>
public sealed class ManagerEmailDeliveryTests(PostgresApp postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestSmtpServer _smtp = new();
    private readonly List<OverholtApp> _apps = [];
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreatePostgresAsync(postgres.Server);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Adding_a_manager_emails_them_through_smtp()
    {
        _smtp.Start();
        var app = await StartAsync("all");
        var store = await app.Given.Store("Corner shop").SaveAsync();

        await (await app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{app.User.Id}")).AssertOkJson();

        var message = Assert.Single(await _smtp.WaitForMessagesAsync(1, Patience));
        Assert.Equal(app.User.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal("info@overholt.com", message.From.Mailboxes.Single().Address);
        Assert.Equal("You are now a manager of Corner shop", message.Subject);
        Assert.Contains("added as a manager of Corner shop", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>Corner shop</strong>", message.HtmlBody, StringComparison.Ordinal);
        await AssertNoMoreThan(1);
    }

    [Fact]
    public async Task Removing_a_manager_emails_them_through_smtp()
    {
        _smtp.Start();
        var app = await StartAsync("all");
        var store = await app.Given.Store("Corner shop").WithManager(app.User).SaveAsync();

        (await app.AsAdmin.DeleteAsync($"/api/stores/{store.Id}/managers/{app.User.Id}")).AssertNoContent();

        var message = Assert.Single(await _smtp.WaitForMessagesAsync(1, Patience));
        Assert.Equal(app.User.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal("You are no longer a manager of Corner shop", message.Subject);
        Assert.Contains("removed as a manager of Corner shop", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_smtp_down_the_api_still_answers_at_once_and_the_email_arrives_after_a_retry()
    {
        var app = await StartAsync("all");
        var store = await app.Given.Store("Corner shop").SaveAsync();
        await (await app.AsUser.GetAsync("/api/stores")).AssertOkList(); // sign-in and warm-up outside the timing

        var clock = Stopwatch.StartNew();
        await (await app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{app.User.Id}")).AssertOkJson();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The API waited for the mail server: {clock.Elapsed}");

        await WaitUntil(() => Monitoring(app).ScheduledCount() + Monitoring(app).FailedCount() > 0, "the job to fail and wait for a retry", app);
        Assert.Empty(_smtp.Messages);

        _smtp.Start();

        var message = Assert.Single(await _smtp.WaitForMessagesAsync(1, Patience));
        Assert.Equal("You are now a manager of Corner shop", message.Subject);
    }

    [Fact]
    public async Task A_message_committed_while_no_worker_runs_is_sent_once_a_worker_starts()
    {
        _smtp.Start();
        var web = await StartAsync("web");
        var store = await web.Given.Store("Corner shop").SaveAsync();

        await (await web.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{web.User.Id}")).AssertOkJson();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await CountAsync(web, db => db.Set<OutboxMessage>().CountAsync(message => message.DispatchedAt == null)));
        Assert.Empty(_smtp.Messages);

        await StartAsync("worker", reset: false);

        var message = Assert.Single(await _smtp.WaitForMessagesAsync(1, Patience));
        Assert.Equal(web.User.Email, message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_sends_one_email()
    {
        _smtp.Start();
        var web = await StartAsync("web");
        var store = await web.Given.Store().SaveAsync();
        await (await web.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{web.User.Id}")).AssertOkJson();
        var messageId = await CountAsync(web, db => db.Set<OutboxMessage>().Select(message => message.Id).SingleAsync());

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var scope = web.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(messageId, CancellationToken.None);
        }

        await AssertNoMoreThan(1);
        Assert.Single(_smtp.Messages);
        Assert.Equal(1, await CountAsync(web, db => db.Set<ProcessedMessage>().CountAsync()));
    }

    /// <summary>A job re-queued after its message was processed and purged, or from another database, has nothing to retry.</summary>
    [Fact]
    public async Task A_job_whose_message_is_not_in_the_outbox_ends_without_sending_or_failing()
    {
        _smtp.Start();
        var web = await StartAsync("web");
        await using var scope = web.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Empty(_smtp.Messages);
        Assert.Equal(0, await CountAsync(web, db => db.Set<ProcessedMessage>().CountAsync()));
    }

    [Fact]
    public async Task Two_workers_sharing_the_storage_both_take_jobs_and_no_email_goes_twice()
    {
        _smtp.DelayPerMessage = TimeSpan.FromMilliseconds(150);
        _smtp.Start();
        var web = await StartAsync("web");
        await StartAsync("worker", reset: false, ("Jobs:WorkerCount", "1"));
        await StartAsync("worker", reset: false, ("Jobs:WorkerCount", "1"));
        const int stores = 12;
        for (var i = 0; i < stores; i++)
        {
            var store = await web.Given.Store($"Store {i}").SaveAsync();
            await (await web.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{web.User.Id}")).AssertOkJson();
        }

        await _smtp.WaitForMessagesAsync(stores, Patience);
        await AssertNoMoreThan(stores);

        Assert.Equal(stores, _smtp.Messages.Select(message => message.Subject).Distinct().Count());
        var workers = await CountAsync(web, db => db.Set<ProcessedMessage>().Select(processed => processed.ProcessedBy).Distinct().CountAsync());
        Assert.Equal(2, workers);
        var jobs = await CountAsync(web, db => db.Set<OutboxMessage>().Select(message => message.JobId).Distinct().CountAsync());
        Assert.Equal(stores, jobs);
    }

    [Fact]
    public async Task After_the_last_retry_the_job_stays_failed_until_someone_requeues_it()
    {
        var app = await StartAsync("all", reset: true, ("Jobs:RetryAttempts", "1"));
        var store = await app.Given.Store("Corner shop").SaveAsync();
        await (await app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{app.User.Id}")).AssertOkJson();

        await WaitUntil(() => Monitoring(app).FailedCount() == 1, "the job to fail for good", app);
        _smtp.Start();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(_smtp.Messages);

        var failedJob = Monitoring(app).FailedJobs(0, 1).Single().Key;
        Assert.True(app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(failedJob));

        Assert.Single(await _smtp.WaitForMessagesAsync(1, Patience));
    }

    private static Hangfire.Storage.IMonitoringApi Monitoring(OverholtApp app) => app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

    private async Task<OverholtApp> StartAsync(string role, bool reset = true, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(_smtp.AppSettings)
        {
            ["Role"] = role,
            ["Jobs:RetryAttempts"] = "5",
            ["Jobs:RetryDelaysInSeconds:0"] = "1",
        };
        foreach (var (key, value) in settings)
            all[key] = value;
        var app = new OverholtApp(_database, all);
        _apps.Add(app);
        if (reset)
            await app.ResetAsync();
        else
            _ = app.Services; // starts the host: its worker begins polling
        return app;
    }

    private static async Task<T> CountAsync<T>(OverholtApp app, Func<OverholtDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OverholtDbContext>());
    }

    private static async Task WaitUntil(Func<bool> condition, string what, OverholtApp app)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
                throw new TimeoutException($"Gave up waiting for {what}; {JobStates(app)}");
            await Task.Delay(100);
        }
    }

    /// <summary>Each job of this test's fresh storage with its states, oldest first: what a failed wait saw.</summary>
    private static string JobStates(OverholtApp app)
    {
        var jobs = new List<string>();
        for (var id = 1; Monitoring(app).JobDetails(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } job; id++)
        {
            var states = job.History.AsEnumerable().Reverse().Select(state => $"{state.StateName} at {state.CreatedAt:HH:mm:ss.fff} ({state.Reason})");
            jobs.Add($"job {id}: {string.Join(" -> ", states)}");
        }

        return jobs.Count == 0 ? "no job was created" : string.Join("; ", jobs);
    }

    /// <summary>Gives duplicates time to show up, then checks there are none.</summary>
    private async Task AssertNoMoreThan(int count)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(count, _smtp.Messages.Count);
    }
}
