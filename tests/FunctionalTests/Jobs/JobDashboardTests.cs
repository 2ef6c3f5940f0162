using System.Net;
using System.Net.Http.Json;
using Overholt.Testing;

namespace Overholt.FunctionalTests.Jobs;

public sealed class JobDashboardTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Admins_see_the_job_dashboard()
    {
        using var client = await SignedInWithCookieAsync(Admin);

        var response = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Overholt jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_actions_need_the_antiforgery_token()
    {
        using var client = await SignedInWithCookieAsync(Admin);

        var response = await client.PostAsync("/admin/jobs/jobs/failed/requeue", new FormUrlEncodedContent([new("jobs[]", "1")]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Signed_in_users_who_are_not_admins_get_403()
    {
        using var client = await SignedInWithCookieAsync(User);

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

    private async Task<HttpClient> SignedInWithCookieAsync(TestUser user)
    {
        var client = App.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }
}
