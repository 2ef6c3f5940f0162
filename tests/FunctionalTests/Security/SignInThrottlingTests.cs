using System.Net;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>Sign-in attempts are limited per client address, as shipped (10 a minute): password spraying gets 429s.</summary>
public sealed class SignInThrottlingTests(PostgresApp postgres) : IAsyncLifetime
{
    private OverholtApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new OverholtApp(await TestDatabase.CreatePostgresAsync(postgres.Server), new Dictionary<string, string?> { ["SignInThrottling:PermitLimit"] = "10" });
        await _app.ResetAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Spraying_passwords_over_many_accounts_is_refused_with_429_and_retry_after()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 60; i++)
        {
            var response = await _app.Anonymous.PostJsonAsync("/api/auth/login", new { email = $"victim{i}@example.com", password = "Summer2026!" });
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(10, statuses.Count(status => status == HttpStatusCode.Unauthorized));
        Assert.Equal(50, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        await refused!.AssertProblem(429);
        Assert.InRange(refused!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Even_the_right_password_waits_once_the_address_is_throttled()
    {
        for (var i = 0; i < 10; i++)
            await _app.Anonymous.PostJsonAsync("/api/auth/login", new { email = _app.User.Email, password = "wrong-password" + i });

        await (await _app.Anonymous.PostJsonAsync("/api/auth/login", new { email = _app.Admin.Email, password = _app.Admin.Password })).AssertProblem(429);
        await (await _app.Anonymous.PostJsonAsync("/api/auth/refresh", new { refresh_token = "anything" })).AssertProblem(429);
    }

    [Fact]
    public async Task The_login_page_is_throttled_with_a_message()
    {
        using var browser = _app.Browser();
        var form = (await browser.GetAsync("/login")).Forms[0];
        HttpResponseMessage last = null!;
        for (var i = 0; i < 11; i++)
            last = await browser.SubmitAsync(form, new() { ["Email"] = $"victim{i}@example.com", ["Password"] = "Summer2026!" });

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Contains("too many sign-in attempts", await last.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Other_routes_are_not_throttled()
    {
        for (var i = 0; i < 30; i++)
            await (await _app.AsUser.GetAsync("/api/stores")).AssertOkList();
    }
}
