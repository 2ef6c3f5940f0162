using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>A node reads each bearer token once and remembers it: what it remembers must never outlive the token.</summary>
public sealed class BearerTokenTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task A_token_the_node_has_read_before_is_refused_once_it_expires()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var node = App.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = node.CreateClient();
        using var login = await client.PostJsonAsync("/api/auth/login", new { email = User.Email, password = User.Password });
        using var tokens = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.RootElement.GetProperty("access_token").GetString());
        await (await client.GetAsync("/api/stores")).AssertOkList();
        await (await client.GetAsync("/api/stores")).AssertOkList();

        clock.Advance(TimeSpan.FromSeconds(tokens.RootElement.GetProperty("expires_in").GetInt32() + 1));

        await (await client.GetAsync("/api/stores")).AssertProblem(401);
    }

    [Fact]
    public async Task A_token_with_one_character_changed_is_refused_even_after_the_real_one_was_read()
    {
        var token = await Authentication.LoginAsync(Anonymous, User.Email, User.Password);
        using var genuine = new HttpRequestMessage(HttpMethod.Get, "/api/stores") { Headers = { Authorization = new("Bearer", token) } };
        await (await Anonymous.SendAsync(genuine)).AssertOkList();

        var middle = token.Length / 2;
        var forged = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var forgery = new HttpRequestMessage(HttpMethod.Get, "/api/stores") { Headers = { Authorization = new("Bearer", forged) } };
        await (await Anonymous.SendAsync(forgery)).AssertProblem(401);
    }

    [Fact]
    public async Task A_token_longer_than_any_the_node_issues_is_refused_and_the_real_one_still_reads_with_spaces_around_it()
    {
        var token = await Authentication.LoginAsync(Anonymous, User.Email, User.Password);
        // Past the 2,048 bytes a token's key is hashed from on the stack: its bytes come from a rented buffer.
        using var oversized = new HttpRequestMessage(HttpMethod.Get, "/api/stores");
        oversized.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token + new string('A', 6_000));
        await (await Anonymous.SendAsync(oversized)).AssertProblem(401);

        using var padded = new HttpRequestMessage(HttpMethod.Get, "/api/stores");
        padded.Headers.TryAddWithoutValidation("Authorization", "Bearer   " + token + "  ");
        await (await Anonymous.SendAsync(padded)).AssertOkList();
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
