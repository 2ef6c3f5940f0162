using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Email;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Jobs;

/// <summary>On the embedded default (SQLite, in-memory job storage, pickup directory) email needs no setup.</summary>
public sealed class EmbeddedDefaultTests
{
    [Fact]
    public async Task Adding_a_manager_writes_an_eml_file_to_the_pickup_directory()
    {
        await using var app = new OverholtApp(TestDatabase.CreateSqlite(), new Dictionary<string, string?> { ["Role"] = "all" });
        await app.ResetAsync();
        var store = await app.Given.Store("Corner shop").SaveAsync();

        await (await app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{app.User.Id}")).AssertOkJson();

        var file = await WaitForFileAsync(app.PickupDirectory, "*.eml");
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("Subject: You are now a manager of Corner shop", text, StringComparison.Ordinal);
        Assert.Contains($"To: {app.User.Email}", text, StringComparison.Ordinal);
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task A_password_reset_link_is_written_to_the_pickup_directory_once_and_sets_the_password()
    {
        await using var app = new OverholtApp(TestDatabase.CreateSqlite(), new Dictionary<string, string?> { ["Role"] = "all" });
        await app.ResetAsync();

        for (var i = 0; i < 3; i++)
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email = app.User.Email })).StatusCode);

        var text = await File.ReadAllTextAsync(await WaitForFileAsync(app.PickupDirectory, "*.eml"));
        Assert.Contains("Subject: Reset your Overholt password", text, StringComparison.Ordinal);
        // The plain-text part carries the link on a line of its own (quoted-printable may wrap it: undo that first).
        var body = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
        var link = new Uri(body.Split('\n').Select(line => line.Trim()).First(line => line.StartsWith("http://localhost/reset-password?", StringComparison.Ordinal)));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var reset = await app.Anonymous.PostJsonAsync("/api/auth/resetPassword", new { email = query["email"].ToString(), reset_code = query["code"].ToString(), new_password = "Recovered-password-1" });

        Assert.Equal(System.Net.HttpStatusCode.OK, reset.StatusCode);
        await Authentication.LoginAsync(app.Anonymous, app.User.Email, "Recovered-password-1");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(Directory.GetFiles(app.PickupDirectory, "*.eml"));
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task An_email_still_retrying_when_the_app_stops_is_sent_after_it_starts_again()
    {
        await using var smtp = new TestSmtpServer(); // not started: the mail server is down
        var database = TestDatabase.CreateSqlite();
        var settings = new Dictionary<string, string?>(smtp.AppSettings) { ["Role"] = "all", ["Jobs:RetryDelaysInSeconds:0"] = "1" };
        var before = new OverholtApp(database, settings);
        await before.ResetAsync();
        var store = await before.Given.Store("Corner shop").SaveAsync();
        await (await before.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{before.User.Id}")).AssertOkJson();
        await WaitUntilAsync(() => before.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount() > 0);

        await before.DisposeAsync(); // the in-memory job, waiting for its retry, goes with the process
        smtp.Start();
        await using var after = new OverholtApp(database, settings);
        _ = after.Services;

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal("You are now a manager of Corner shop", message.Subject);
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Writes_do_not_wait_for_a_slow_mail_server()
    {
        // SQLite has one writer at a time: a transaction held open while the email is sent would stall every write.
        await using var smtp = new TestSmtpServer { DelayPerMessage = TimeSpan.FromSeconds(4) }.Start();
        var database = TestDatabase.CreateSqlite();
        await using var app = new OverholtApp(database, new Dictionary<string, string?>(smtp.AppSettings) { ["Role"] = "all" });
        await app.ResetAsync();
        var store = await app.Given.Store("Corner shop").SaveAsync();
        await (await app.AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{app.User.Id}")).AssertOkJson();
        await Task.Delay(TimeSpan.FromSeconds(1)); // the job is now talking to the mail server

        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 10; i++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await (await app.AsAdmin.PostJsonAsync("/api/categories", new { name = $"Category {i}" })).AssertOkJson(System.Net.HttpStatusCode.Created);
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, started.Elapsed.Ticks));
            await Task.Delay(200);
        }

        Assert.True(slowest < TimeSpan.FromSeconds(1), $"A write waited {slowest.TotalMilliseconds:0} ms for the mail job");
        Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(smtp.Messages); // sent once
        await database.DisposeAsync();
    }

    [Theory]
    [InlineData("Email:Delivery", "Smtp", "Email:Smtp:Host is required")]
    [InlineData("Email:From", "not an address", "Email:From 'not an address' is not an email address")]
    public async Task A_wrong_email_configuration_stops_the_app_with_a_clear_message(string key, string value, string expected)
    {
        var database = TestDatabase.CreateSqlite();
        await using var app = new OverholtApp(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
        await database.DisposeAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; !condition(); attempt++)
        {
            if (attempt == 300)
                throw new TimeoutException("The condition never held");
            await Task.Delay(100);
        }
    }

    private static async Task<string> WaitForFileAsync(string directory, string pattern)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Directory.Exists(directory) && Directory.GetFiles(directory, pattern) is [var file, ..])
                return file;
            await Task.Delay(100);
        }

        throw new TimeoutException($"No {pattern} in {directory}");
    }
}
