using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Auth;

/// <summary>Password recovery under settings of its own: a link's lifetime, and no link address at all.</summary>
public sealed class PasswordRecoverySettingsTests(PostgresApp postgres)
{
    private const string NewPassword = "Recovered-password-1";

    [Fact]
    public async Task A_link_is_refused_after_it_expires()
    {
        await using var app = new OverholtApp(
            await TestDatabase.CreatePostgresAsync(postgres.Server),
            services: services => services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromSeconds(1)));
        await app.ResetAsync();
        var link = await ResetLinks.ForAsync(app, app.User);

        await Task.Delay(TimeSpan.FromSeconds(2));

        await (await ResetLinks.UseAsync(app.Anonymous, link, NewPassword)).AssertProblem(400, "reset_code");
        await Authentication.LoginAsync(app.Anonymous, app.User.Email, app.User.Password);
    }

    [Fact]
    public async Task Without_a_link_address_recovery_is_off_and_says_so()
    {
        await using var app = new OverholtApp(await TestDatabase.CreatePostgresAsync(postgres.Server), new Dictionary<string, string?> { ["Email:LinkBaseUrl"] = null });
        await app.ResetAsync();

        await (await app.Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email = app.User.Email })).AssertProblem(404);
        await (await app.Anonymous.PostJsonAsync("/api/auth/resetPassword", new { email = app.User.Email, reset_code = "x", new_password = NewPassword })).AssertProblem(404);
        using var browser = app.Browser();
        var page = await browser.GetAsync("/forgot-password");
        Assert.Contains("not set up on this server", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/forgot-password']"));
    }
}
