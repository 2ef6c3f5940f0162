using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Overholt.Testing;
using Overholt.Testing.Databases;
using Overholt.Testing.Email;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Auth;

/// <summary>
/// Password recovery the whole way: the API asks, the outbox and a background job send the link through a real SMTP
/// server, and the link sets a new password once, ending every session the account had.
/// </summary>
public sealed partial class PasswordRecoveryEmailTests(PostgresApp postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestSmtpServer _smtp = new();
    private OverholtApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp.Start();
        _app = new OverholtApp(await TestDatabase.CreatePostgresAsync(postgres.Server), new Dictionary<string, string?>(_smtp.AppSettings)
        {
            ["Role"] = "all",
            ["Email:LinkBaseUrl"] = "https://overholt.example.com/shop/",
        });
        await _app.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_an_emailed_link_that_works_once_and_ends_every_session()
    {
        var before = await _app.ClientForAsync(_app.User);
        await (await before.GetAsync("/api/stores")).AssertOkList();

        // An unknown address first: the same answer, and no email is ever sent for it.
        var unknown = await _app.Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email = "nobody@example.com" });
        var known = await _app.Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email = _app.User.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());

        var message = Assert.Single(await _smtp.WaitForMessagesAsync(1, Patience));
        Assert.Equal(_app.User.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal("Reset your Overholt password", message.Subject);
        var link = new Uri(LinkPattern().Match(message.TextBody!).Value);
        Assert.Equal("https://overholt.example.com/shop/reset-password", link.GetLeftPart(UriPartial.Path));
        Assert.Contains(WebUtility.HtmlEncode(link.AbsoluteUri), message.HtmlBody, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(link.Query);
        var reset = new { email = query["email"].ToString(), reset_code = query["code"].ToString(), new_password = "Recovered-password-1" };

        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous.PostJsonAsync("/api/auth/resetPassword", reset)).StatusCode);

        await Authentication.LoginAsync(_app.Anonymous, _app.User.Email, "Recovered-password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.PostJsonAsync("/api/auth/login", new { email = _app.User.Email, password = _app.User.Password })).StatusCode);
        await (await before.GetAsync("/api/stores")).AssertProblem(401);
        // Used once, the link is spent.
        await (await _app.Anonymous.PostJsonAsync("/api/auth/resetPassword", reset with { new_password = "Second-password-2" })).AssertProblem(400, "reset_code");
        await Task.Delay(TimeSpan.FromSeconds(1)); // time for a stray email about the unknown address to show up
        Assert.Single(_smtp.Messages);
    }

    [GeneratedRegex(@"https://\S+reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
