using System.Net;
using AngleSharp.Html.Parser;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Testing;

namespace Overholt.FunctionalTests.Jobs;

public sealed class JobDashboardTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Admins_see_the_job_dashboard()
    {
        using var client = await App.CookieClientFor(Admin);

        var response = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Overholt jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_actions_need_the_antiforgery_token()
    {
        var jobs = App.Services.GetRequiredService<IBackgroundJobClient>();
        var failedJob = jobs.Create(() => UnretriedJob.Run(), new FailedState(new InvalidOperationException("Failed for the test")));
        try
        {
            using var client = await App.CookieClientFor(Admin);

            using var withoutToken = await client.PostAsync("/admin/jobs/jobs/failed/requeue", Requeue(failedJob));

            Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
            Assert.Equal(FailedState.StateName, StateOf(failedJob));

            // The same request with the dashboard's token goes through: the refusal above was for the token alone.
            var dashboard = await DashboardTokenAsync(client);
            using var withToken = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/jobs/failed/requeue") { Content = Requeue(failedJob) };
            withToken.Headers.Add(dashboard.Header, dashboard.Token);
            using var accepted = await client.SendAsync(withToken);

            Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
            Assert.Equal(EnqueuedState.StateName, StateOf(failedJob));
        }
        finally
        {
            jobs.Delete(failedJob); // job tables outlive the data resets
        }
    }

    [Fact]
    public async Task Signed_in_users_who_are_not_admins_get_403()
    {
        using var client = await App.CookieClientFor(User);

        var response = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var response = await Anonymous.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Requeue(string jobId) => new([new("jobs[]", jobId)]);

    private string? StateOf(string jobId)
    {
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    /// <summary>The header and token the dashboard's own script sends with its actions, from its page's meta tags.</summary>
    private static async Task<(string Header, string Token)> DashboardTokenAsync(HttpClient client)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/admin/jobs"));
        string Meta(string name) => page.QuerySelector($"meta[name={name}]")?.GetAttribute("content") ?? throw new InvalidOperationException($"The dashboard has no {name}");
        return (Meta("csrf-header"), Meta("csrf-token"));
    }

    /// <summary>A job that stays failed once failed (no automatic retry), for the dashboard to re-queue; no worker runs here.</summary>
    public static class UnretriedJob
    {
        [AutomaticRetry(Attempts = 0)]
        public static void Run()
        {
        }
    }
}
