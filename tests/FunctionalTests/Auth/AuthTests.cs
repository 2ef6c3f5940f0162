using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Auth;

public sealed class AuthTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Login_returns_a_bearer_token_that_authenticates()
    {
        var token = await Authentication.LoginAsync(Anonymous, User.Email, User.Password);
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var data = await (await client.GetAsync("/api/users")).AssertOkJson();

        Assert.Equal(User.Id, data.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Login_with_cookies_signs_in_with_the_auth_cookie()
    {
        using var client = App.CreateClient(); // keeps cookies
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = User.Email, password = User.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        await (await client.GetAsync("/api/users")).AssertOkJson();
    }

    [Fact]
    public async Task A_wrong_password_is_401_problem()
    {
        var response = await Anonymous.PostAsJsonAsync("/api/auth/login", new { email = User.Email, password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account()
    {
        var victim = await Given.User().SaveAsync();
        for (var i = 0; i < 5; i++)
            await Anonymous.PostAsJsonAsync("/api/auth/login", new { email = victim.Email, password = "wrong-password" });

        var response = await Anonymous.PostAsJsonAsync("/api/auth/login", new { email = victim.Email, password = victim.Password });

        // Even the right password is refused, with the answer any failed sign-in gets: "locked" would tell that the account exists.
        var problem = await response.AssertProblem(401);
        Assert.Equal("Wrong email or password. After 5 failed sign-ins from one address, that address is locked out of the account for 5 minutes.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Inactive_users_cannot_sign_in()
    {
        var inactive = await Given.User().Inactive().SaveAsync();

        var response = await Anonymous.PostAsJsonAsync("/api/auth/login", new { email = inactive.Email, password = inactive.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_user_deactivated_after_signing_in_loses_access_at_once()
    {
        var leaving = await Given.User().SaveAsync();
        var client = await App.ClientForAsync(leaving);
        await (await client.GetAsync("/api/stores")).AssertOkList();

        await App.DeactivateAsync(leaving);

        await (await client.GetAsync("/api/stores")).AssertProblem(403);
    }

    [Fact]
    public async Task Each_login_is_tracked_on_the_user()
    {
        var tracked = await Given.User().SaveAsync();
        await Authentication.LoginAsync(Anonymous, tracked.Email, tracked.Password);
        await Authentication.LoginAsync(Anonymous, tracked.Email, tracked.Password);

        var data = await (await AsAdmin.GetAsync($"/api/users/{tracked.Id}")).AssertOkJson();

        Assert.Equal(2, data.GetProperty("login_count").GetInt32());
        Assert.True(data.GetProperty("last_login_at").GetDateTimeOffset() <= data.GetProperty("current_login_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token()
    {
        var login = await Anonymous.PostAsJsonAsync("/api/auth/login", new { email = User.Email, password = User.Password });
        using var tokens = JsonDocument.Parse(await login.Content.ReadAsStringAsync());

        var refreshed = await Anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = tokens.RootElement.GetProperty("refresh_token").GetString() });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Contains("access_token", await refreshed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_registration_is_off_by_default()
    {
        var response = await Anonymous.PostAsJsonAsync("/api/auth/register", new { email = "new@example.com", password = "Some-password-1" });

        await response.AssertProblem(404);
        var failedLogin = await Anonymous.PostAsJsonAsync("/api/auth/login", new { email = "new@example.com", password = "Some-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, failedLogin.StatusCode);
    }

    [Theory]
    [InlineData("/api/stores")]
    [InlineData("/api/products")]
    [InlineData("/api/categories")]
    [InlineData("/api/stores/1/managers")]
    public async Task Every_api_route_needs_a_signed_in_user(string url)
    {
        var response = await Anonymous.GetAsync(url);

        await response.AssertProblem(401);
        Assert.Null(response.Headers.Location);
    }
}
