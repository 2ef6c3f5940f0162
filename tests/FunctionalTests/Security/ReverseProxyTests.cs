using System.Net;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>
/// Behind a TLS-terminating proxy on loopback: the client's address and scheme come from the forwarded headers. On real
/// Kestrel, so that requests really come from 127.0.0.1.
/// </summary>
public sealed class ReverseProxyTests(PostgresApp postgres) : IAsyncLifetime
{
    private OverholtApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await StartAsync(new() { ["SignInThrottling:PermitLimit"] = "3" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Cookies_are_secure_and_hsts_is_sent_when_the_proxy_says_https()
    {
        using var response = await LoginAsync(_app, _app.User, "203.0.113.7", useCookies: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith("overholt.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_records_the_clients_address_not_the_proxys()
    {
        await LoginAsync(_app, _app.User, "203.0.113.7");

        var user = await (await _app.AsAdmin.GetAsync($"/api/users/{_app.User.Id}")).AssertOkJson();
        Assert.Equal("203.0.113.7", user.GetProperty("current_login_ip").GetString());
    }

    [Fact]
    public async Task Throttling_counts_per_forwarded_client_address()
    {
        var wrong = _app.User with { Password = "wrong-password" };
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(_app, wrong, "203.0.113.7")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(_app, wrong, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app, _app.User, "203.0.113.8")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_that_is_not_configured_are_ignored()
    {
        await using var app = await StartAsync(new() { ["ReverseProxy:KnownProxies:0"] = "192.0.2.10" });

        using var response = await LoginAsync(app, app.User, "203.0.113.7", useCookies: true);

        Assert.DoesNotContain("secure", response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("overholt.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        var user = await (await app.AsAdmin.GetAsync($"/api/users/{app.User.Id}")).AssertOkJson();
        Assert.Equal("127.0.0.1", user.GetProperty("current_login_ip").GetString());
    }

    private async Task<OverholtApp> StartAsync(Dictionary<string, string?> settings)
    {
        var app = new OverholtApp(await TestDatabase.CreatePostgresAsync(postgres.Server), settings);
        app.UseKestrel(0);
        app.StartServer();
        await app.ResetAsync();
        return app;
    }

    private static async Task<HttpResponseMessage> LoginAsync(OverholtApp app, TestUser user, string clientAddress, bool useCookies = false)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login" + (useCookies ? "?useCookies=true" : string.Empty))
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { email = user.Email, password = user.Password }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "overholt.example";
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }
}
