using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>Without the password, nobody can tell an unknown email, an active account, a deactivated one and a locked one apart.</summary>
public sealed class SignInAnswerTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    private const string Failed = "Wrong email or password. After 5 failed sign-ins from one address, that address is locked out of the account for 5 minutes.";

    [Fact]
    public async Task The_api_answers_every_failed_sign_in_alike()
    {
        var deactivated = await Given.User().Inactive().SaveAsync();
        var locked = await Given.User().SaveAsync();
        for (var i = 0; i < 5; i++)
            await Anonymous.PostJsonAsync("/api/auth/login", new { email = locked.Email, password = "wrong-password" });

        string?[] answers =
        [
            await LoginAnswer("nobody@example.com", "wrong-password"),
            await LoginAnswer(User.Email, "wrong-password"),
            await LoginAnswer(deactivated.Email, "wrong-password"),
            await LoginAnswer(locked.Email, "wrong-password"),
            await LoginAnswer(locked.Email, locked.Password),
        ];

        Assert.All(answers, answer => Assert.Equal(Failed, answer));
        Assert.Equal("This account is deactivated.", await LoginAnswer(deactivated.Email, deactivated.Password));
    }

    [Fact]
    public async Task The_login_page_answers_every_failed_sign_in_alike()
    {
        var deactivated = await Given.User().Inactive().SaveAsync();

        Assert.Equal(Failed, await PageAnswer("nobody@example.com", "wrong-password"));
        Assert.Equal(Failed, await PageAnswer(User.Email, "wrong-password"));
        Assert.Equal(Failed, await PageAnswer(deactivated.Email, "wrong-password"));
    }

    [Fact]
    public async Task Guessing_a_deactivated_accounts_password_on_the_login_page_counts_towards_lockout()
    {
        var deactivated = await Given.User().Inactive().SaveAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(Failed, await PageAnswer(deactivated.Email, $"guess-{i}"));

        // Locked now: even the right password learns nothing, not even that the account is deactivated.
        Assert.Equal(Failed, await PageAnswer(deactivated.Email, deactivated.Password));
    }

    [Fact]
    public async Task A_control_character_in_the_email_is_a_failed_sign_in_not_a_server_error()
    {
        Assert.Equal(Failed, await LoginAnswer("user\u0000@example.com", "wrong-password"));
        Assert.Equal(Failed, await LoginAnswer("user\u0001@example.com", "wrong-password"));

        // The login page's form reader refuses a NUL outright (400 page); other control characters fail like any sign-in.
        using var browser = App.Browser();
        using var response = await browser.SubmitAsync((await browser.GetAsync("/login")).Forms[0], new() { ["Email"] = "user\u0000@example.com", ["Password"] = "x" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await PageAnswer("user\u0001@example.com", "wrong-password"), new[] { null, Failed });
    }

    private async Task<string?> LoginAnswer(string email, string password)
    {
        var problem = await (await Anonymous.PostJsonAsync("/api/auth/login", new { email, password })).AssertProblem(401);
        return problem.GetProperty("detail").GetString();
    }

    private async Task<string?> PageAnswer(string email, string password)
    {
        using var browser = App.Browser();
        var page = await browser.SubmitAndFollowAsync((await browser.GetAsync("/login")).Forms[0], new() { ["Email"] = email, ["Password"] = password });
        return page.QuerySelector("[role=alert] li, .validation-summary-errors li")?.TextContent.Trim();
    }
}
