using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>Identity endpoints that are closed stay closed under every spelling routing accepts.</summary>
public sealed class ClosedEndpointTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/register/")]
    [InlineData("/API/AUTH/REGISTER/")]
    [InlineData("/api/auth/Register/")]
    [InlineData("/api/auth//register")]
    [InlineData("/api/auth/register?x=1")]
    public async Task Registration_is_closed_under_every_spelling(string path)
    {
        var response = await Anonymous.PostJsonAsync(path, new { email = "intruder@example.com", password = "Intruder-password-1" });

        Assert.True((int)response.StatusCode is 404 or 405, $"{path}: {(int)response.StatusCode}");
        Assert.False(await App.UserExistsAsync("intruder@example.com"));
        var login = await Anonymous.PostJsonAsync("/api/auth/login", new { email = "intruder@example.com", password = "Intruder-password-1" });
        await login.AssertProblem(401);
    }

    [Theory]
    [InlineData("/api/auth/resendConfirmationEmail/")]
    [InlineData("/API/AUTH/RESENDCONFIRMATIONEMAIL")]
    [InlineData("/api/auth/manage/2fa/")]
    [InlineData("/API/AUTH/MANAGE/2FA")]
    public async Task Confirmation_and_two_factor_endpoints_are_closed_under_every_spelling(string path)
    {
        var response = await AsUser.PostJsonAsync(path, new { email = User.Email, enable = true });

        await response.AssertProblem(404);
        // The account still signs in with its password alone.
        await Authentication.LoginAsync(Anonymous, User.Email, User.Password);
    }
}
