using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Users;

public sealed class UsersTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Getting_the_current_user_returns_who_i_am()
    {
        var data = await (await AsUser.GetAsync("/api/users")).AssertOkJson();

        Assert.Equal(User.Id, data.GetProperty("id").GetInt32());
        Assert.Equal(User.Email, data.GetProperty("email").GetString());
        Assert.False(data.TryGetProperty("roles", out _), "Only admins see account details");
    }

    [Fact]
    public async Task Getting_a_user_by_id_returns_the_user()
    {
        var data = await (await AsUser.GetAsync($"/api/users/{Admin.Id}")).AssertOkJson();

        Assert.Equal(Admin.Email, data.GetProperty("email").GetString());
        Assert.False(data.TryGetProperty("roles", out _), "Only admins see account details");
        Assert.False(data.TryGetProperty("last_login_ip", out _), "Only admins see login tracking");
    }

    [Fact]
    public async Task Admins_see_roles_and_login_tracking_but_never_secrets()
    {
        var response = await AsAdmin.GetAsync("/api/users");
        var text = await response.Content.ReadAsStringAsync();
        var data = await response.AssertOkJson();

        Assert.Equal("admin", data.GetProperty("roles")[0].GetString());
        Assert.True(data.GetProperty("active").GetBoolean());
        Assert.True(data.GetProperty("login_count").GetInt32() >= 1);
        Assert.True(data.TryGetProperty("current_login_at", out _));
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("security_stamp", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_user_is_not_found() =>
        await (await AsUser.GetAsync("/api/users/9999")).AssertProblem(404, error: "Not found");

    [Theory]
    [InlineData("/api/users/abc")]
    [InlineData("/api/users/0")]
    [InlineData("/api/users/-1")]
    [InlineData("/api/users/99999999999")]
    public async Task A_malformed_user_id_is_not_found(string url) =>
        await (await AsUser.GetAsync(url)).AssertProblem(404, error: "Not found");

    [Fact]
    public async Task Anonymous_callers_get_401_problem_not_a_redirect() =>
        await (await Anonymous.GetAsync("/api/users")).AssertProblem(401);
}
