using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>
/// A lockout no stranger can use against the owner, throttling that holds against a /64 and a flood, a token that is
/// no password oracle, and answers that take the same time whatever they hide. On real Kestrel behind a trusted proxy
/// (loopback), so each request can come from an address of its own.
/// </summary>
public sealed class LockoutTests(PostgresApp postgres) : IAsyncLifetime
{
    private OverholtApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await StartAsync(new());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Five_failures_from_a_stranger_lock_the_stranger_out_not_the_admin()
    {
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app, _app.Admin.Email, _app.Admin.Password, "198.51.100.20")).StatusCode);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(_app, _app.Admin.Email, "guess-" + i, "203.0.113.7")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app, _app.Admin.Email, _app.Admin.Password, "198.51.100.20")).StatusCode);
        // The stranger is locked out even with the right password, and told nothing more than for a wrong one.
        var locked = await LoginAsync(_app, _app.Admin.Email, _app.Admin.Password, "203.0.113.7");
        Assert.Equal(AuthenticationSetupMessage, (await locked.AssertProblem(401)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Users_unlock_lifts_the_lock_from_every_address()
    {
        for (var i = 0; i < 5; i++)
            await LoginAsync(_app, _app.Admin.Email, "guess-" + i, "203.0.113.9");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(_app, _app.Admin.Email, _app.Admin.Password, "203.0.113.9")).StatusCode);

        var unlocked = await ManagementCommand.RunAsync("Production", _app.Database.Provider, _app.Database.ConnectionString, null, "users", "unlock", _app.Admin.Email);

        Assert.True(unlocked.Exit == 0, unlocked.Error);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app, _app.Admin.Email, _app.Admin.Password, "203.0.113.9")).StatusCode);
    }

    [Fact]
    public async Task A_spray_from_64_addresses_of_one_ipv6_64_is_throttled_as_one_client()
    {
        await using var app = await StartAsync(new() { ["SignInThrottling:PermitLimit"] = "10" });
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 64; i++)
            statuses.Add((await LoginAsync(app, $"victim{i}@example.com", "Summer2026!", $"2001:db8:1:2::{i:x}")).StatusCode);

        Assert.Equal(10, statuses.Count(status => status == HttpStatusCode.Unauthorized));
        Assert.Equal(54, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app, "victim@example.com", "Summer2026!", "2001:db8:1:3::1")).StatusCode); // the next /64
    }

    [Fact]
    public async Task A_flood_of_sign_ins_beyond_the_nodes_ceiling_is_refused_with_429_never_queued()
    {
        await using var app = await StartAsync(new() { ["SignInThrottling:ConcurrentPasswordChecks"] = "1" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => LoginAsync(app, app.User.Email, i == 0 ? app.User.Password : "wrong", $"203.0.113.{i + 1}")));

        Assert.All(responses, response => Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}"));
        var refused = responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, response => Assert.NotNull(response.Headers.RetryAfter));
    }

    [Fact]
    public async Task A_stolen_token_is_no_password_oracle()
    {
        var token = await TokenAsync(_app, _app.User.Email, _app.User.Password, "203.0.113.50");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
            statuses.Add((await ChangePasswordAsync(token, "guess-" + i, "Stolen-password-1", "203.0.113.50")).StatusCode);

        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.BadRequest));
        Assert.Equal(45, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        // Even the right current password gets nowhere from there now, and the password is unchanged.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ChangePasswordAsync(token, _app.User.Password, "Stolen-password-1", "203.0.113.50")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app, _app.User.Email, _app.User.Password, "198.51.100.21")).StatusCode);
    }

    [Fact]
    public async Task The_two_factor_endpoint_is_closed()
    {
        var token = await TokenAsync(_app, _app.User.Email, _app.User.Password, "203.0.113.51");
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/manage/2fa") { Content = Json(new { enable = true }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
    }

    /// <summary>
    /// Locked out, unknown, deactivated and wrong-password sign-ins, 200 rounds of one of each in a random order, with the password
    /// hash as shipped: each kind's time against its round's mean, taken at its median, differs between kinds by less than a tenth.
    /// </summary>
    [Fact]
    public async Task Every_failed_sign_in_takes_the_same_time()
    {
        await using var app = await StartAsync(new(), services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = new PasswordHasherOptions().IterationCount));
        var locked = await app.Given.User().SaveAsync();
        var deactivated = await app.Given.User().Inactive().SaveAsync();
        for (var i = 0; i < 5; i++)
            await LoginAsync(app, locked.Email, "guess", "192.0.2.1");
        var kinds = new (string Name, Func<int, (string Email, string Password, string Client)> Attempt)[]
        {
            ("locked out", _ => (locked.Email, locked.Password, "192.0.2.1")),
            ("unknown", i => ($"nobody{i}@example.com", "Some-password-1", $"2001:db8:10:{i:x}::1")),
            ("deactivated", i => (deactivated.Email, "Some-password-1", $"2001:db8:20:{i:x}::1")),
            ("wrong password", i => (app.User.Email, "Some-password-1", $"2001:db8:30:{i:x}::1")),
        };
        var rounds = new List<Dictionary<string, double>>();
        foreach (var kind in kinds)
            await LoginAsync(app, kind.Attempt(999).Email, kind.Attempt(999).Password, kind.Attempt(999).Client); // warm up each path

        // Each round in its own order: whatever a sign-in leaves for the next one to pay (a write still settling, a
        // collection) falls on every kind alike, not on the one that always comes last.
        var order = new Random(20261205);
        for (var i = 0; i < 200; i++)
        {
            var round = new Dictionary<string, double>();
            foreach (var (name, attempt) in kinds.OrderBy(_ => order.Next()))
            {
                var (email, password, client) = attempt(i);
                var clock = Stopwatch.StartNew();
                var response = await LoginAsync(app, email, password, client);
                round[name] = clock.Elapsed.TotalMilliseconds;
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            rounds.Add(round);
        }

        // Paired by round: when the machine is slower for a while (another test's database settling), every kind's times
        // fall in two clusters, and the median of each kind lands anywhere between them. Against its own round, a
        // sign-in that costs more stays more.
        var relative = kinds.ToDictionary(kind => kind.Name, kind => Median(rounds.Select(round => round[kind.Name] / round.Values.Average()).ToList()));
        var medians = kinds.ToDictionary(kind => kind.Name, kind => Median(rounds.Select(round => round[kind.Name]).ToList()));
        var summary = string.Join(", ", kinds.Select(kind => $"{kind.Name} {relative[kind.Name]:0.000} of its round ({medians[kind.Name]:0.0} ms)"));
        Assert.True(relative.Values.Max() < relative.Values.Min() * 1.10, $"sign-ins differ by 10% or more: {summary}");
    }

    private const string AuthenticationSetupMessage = "Wrong email or password. After 5 failed sign-ins from one address, that address is locked out of the account for 5 minutes.";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<OverholtApp> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var app = new OverholtApp(await TestDatabase.CreatePostgresAsync(postgres.Server), settings, services);
        app.UseKestrel(0);
        app.StartServer();
        await app.ResetAsync();
        return app;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> LoginAsync(OverholtApp app, string email, string password, string clientAddress)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = Json(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await client.SendAsync(request);
    }

    private static async Task<string> TokenAsync(OverholtApp app, string email, string password, string clientAddress)
    {
        var response = await LoginAsync(app, email, password, clientAddress);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> ChangePasswordAsync(string token, string current, string next, string clientAddress)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/manage/info") { Content = Json(new { old_password = current, new_password = next }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await client.SendAsync(request);
    }
}
