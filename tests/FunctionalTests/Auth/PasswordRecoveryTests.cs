using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Users;
using Overholt.Infrastructure.Identity;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Auth;

/// <summary>
/// Reset links that work once, only as sent and only in time; asking for one that tells nobody whether an account
/// exists and cannot flood a mailbox; the pages that do the same; and a change of one's own password that is no
/// password oracle.
/// </summary>
public sealed class PasswordRecoveryTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    private const string NewPassword = "Recovered-password-1";

    [Fact]
    public async Task A_hundred_requests_for_one_address_send_one_email()
    {
        for (var i = 0; i < 100; i++)
            Assert.Equal(HttpStatusCode.OK, (await Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email = User.Email })).StatusCode);

        Assert.Equal(1, await ResetRequestsAsync());
    }

    [Fact]
    public async Task Two_requests_at_the_same_instant_send_one_email()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email = User.Email })));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(1, await ResetRequestsAsync());
    }

    [Theory]
    [InlineData("user\0@example.com")]
    [InlineData("user\u202E@example.com")]
    [InlineData("")]
    public async Task An_address_no_account_could_have_gets_the_same_answer_and_records_nothing(string email)
    {
        var response = await Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await ResetRequestsAsync());
    }

    /// <summary>
    /// The same statements, in the same order, for an address an account has and one nobody has: nothing in the
    /// request looks the address up. Then the times, in alternating order so that neither kind always comes second.
    /// </summary>
    [Fact]
    public async Task Asking_costs_the_same_whether_or_not_an_account_has_the_address()
    {
        var known = new List<string>();
        for (var i = 0; i < 150; i++)
            known.Add((await Given.User().SaveAsync()).Email);
        await Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email = "warm-up@example.com" });

        Assert.Equal(await StatementsAsync("nobody-first@example.com"), await StatementsAsync(known[^1]));

        var samples = new Dictionary<string, List<double>> { ["known"] = [], ["unknown"] = [] };
        for (var i = 0; i < known.Count - 1; i++)
        {
            (string Kind, string Email)[] pair = [("known", known[i]), ("unknown", $"nobody{i}@example.com")];
            foreach (var (kind, email) in i % 2 == 0 ? pair : pair.Reverse())
            {
                var clock = Stopwatch.StartNew();
                var response = await Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email });
                samples[kind].Add(clock.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        // Work done only for an account (or only without one) would show in the statements above; the times only have to
        // agree within what a busy machine moves them.
        var medians = samples.ToDictionary(sample => sample.Key, sample => Median(sample.Value));
        Assert.True(medians.Values.Max() < medians.Values.Min() * 1.25, $"medians differ by 25% or more: known {medians["known"]:0.00} ms, unknown {medians["unknown"]:0.00} ms");
        Assert.Equal(301, await ResetRequestsAsync());
    }

    /// <summary>The statements one request for a reset link sends, with their parameters' values blanked.</summary>
    private async Task<List<string>> StatementsAsync(string email)
    {
        App.Statements.Reset();
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.PostJsonAsync("/api/auth/forgotPassword", new { email })).StatusCode);
        return [.. App.Statements.Sent.Select(statement => statement.Sql)];
    }

    [Fact]
    public async Task A_link_sets_the_password_once_and_lifts_the_lockout()
    {
        var link = await LinkForAsync(User);
        for (var i = 0; i < 5; i++)
            await Anonymous.PostJsonAsync("/api/auth/login", new { email = User.Email, password = "guess-" + i });

        Assert.Equal(HttpStatusCode.OK, (await ResetAsync(link, NewPassword)).StatusCode);

        await Authentication.LoginAsync(Anonymous, User.Email, NewPassword);
        await (await ResetAsync(link, "Another-password-2")).AssertProblem(400, "reset_code");
        await Authentication.LoginAsync(Anonymous, User.Email, NewPassword);
    }

    [Fact]
    public async Task A_link_used_twice_at_the_same_instant_sets_one_password()
    {
        var link = await LinkForAsync(User);

        var answers = await Task.WhenAll(ResetAsync(link, "First-password-1"), ResetAsync(link, "Second-password-2"), ResetAsync(link, "Third-password-3"));

        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(answer => answer.StatusCode != HttpStatusCode.OK), answer => Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode));
    }

    [Fact]
    public async Task A_link_with_one_character_changed_is_refused()
    {
        var link = await LinkForAsync(User);
        var code = link.Code.ToCharArray();
        code[code.Length / 2] = code[code.Length / 2] == 'A' ? 'B' : 'A';

        await (await ResetAsync(link with { Code = new string(code) }, NewPassword)).AssertProblem(400, "reset_code");
        await (await ResetAsync(link with { Code = "not base64 !" }, NewPassword)).AssertProblem(400, "reset_code");
        await (await ResetAsync(link with { Email = Admin.Email }, NewPassword)).AssertProblem(400, "reset_code");
        await Authentication.LoginAsync(Anonymous, User.Email, User.Password);
        await Authentication.LoginAsync(Anonymous, Admin.Email, Admin.Password);
    }

    [Fact]
    public async Task A_link_is_refused_after_a_later_password_change()
    {
        var link = await LinkForAsync(User);
        var changed = await AsUser.PostJsonAsync("/api/auth/manage/info", new { old_password = User.Password, new_password = "Changed-password-1" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        await (await ResetAsync(link, NewPassword)).AssertProblem(400, "reset_code");
        await Authentication.LoginAsync(Anonymous, User.Email, "Changed-password-1");
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_and_leaves_the_link_usable()
    {
        var link = await LinkForAsync(User);

        await (await ResetAsync(link, "short")).AssertProblem(400, "new_password");

        Assert.Equal(HttpStatusCode.OK, (await ResetAsync(link, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_account_gets_no_link_and_no_reset()
    {
        var link = await LinkForAsync(User);
        await App.DeactivateAsync(User);

        await (await ResetAsync(link, NewPassword)).AssertProblem(400, "reset_code");
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IUserAccounts>().CreatePasswordResetLinkAsync(User.Email, CancellationToken.None));
    }

    [Fact]
    public async Task The_pages_recover_a_password_with_the_same_answer_for_any_address()
    {
        using var browser = App.Browser();
        var login = await browser.GetAsync("/login");
        Assert.NotNull(login.QuerySelector("a[href='/forgot-password']"));

        var forKnown = await browser.SubmitAndFollowAsync((await browser.GetAsync("/forgot-password")).Form("/forgot-password"), new() { ["Email"] = User.Email });
        var forUnknown = await browser.SubmitAndFollowAsync((await browser.GetAsync("/forgot-password")).Form("/forgot-password"), new() { ["Email"] = "nobody@example.com" });
        Assert.Equal(forKnown.Alert()!.Replace(User.Email, "ADDRESS", StringComparison.Ordinal), forUnknown.Alert()!.Replace("nobody@example.com", "ADDRESS", StringComparison.Ordinal));
        Assert.Equal(2, await ResetRequestsAsync());

        var link = await LinkForAsync(User);
        var (opened, page) = await browser.GetAnyAsync($"/reset-password?email={Uri.EscapeDataString(link.Email)}&code={link.Code}");
        Assert.Equal("no-referrer", opened.Headers.GetValues("Referrer-Policy").Single());
        var form = page.Form("/reset-password");
        var mismatch = await browser.SubmitAndFollowAsync(form, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = "Something-else-1" });
        Assert.NotNull(mismatch.FieldError("ConfirmPassword"));
        var done = await browser.SubmitAndFollowAsync(form, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Contains("password was changed", done.Alert(), StringComparison.Ordinal);
        await Authentication.LoginAsync(Anonymous, User.Email, NewPassword);

        var spent = await browser.GetAsync($"/reset-password?email={Uri.EscapeDataString(link.Email)}&code={link.Code}");
        Assert.Equal(PasswordRecovery.InvalidLinkMessage, spent.Alert());
        Assert.Null(spent.QuerySelector("form[action='/reset-password']"));
    }

    [Fact]
    public async Task The_change_password_page_changes_it_keeps_this_session_and_ends_the_others()
    {
        var other = await App.ClientForAsync(User);
        using var browser = await App.BrowserFor(User);

        var done = await browser.SubmitAndFollowAsync((await browser.GetAsync("/account/password")).Form("/account/password"), new()
        {
            ["CurrentPassword"] = User.Password,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        Assert.Contains("Your password was changed", done.Alert(), StringComparison.Ordinal);
        await browser.GetAsync("/stores");
        await (await other.GetAsync("/api/stores")).AssertProblem(401);
        await Authentication.LoginAsync(Anonymous, User.Email, NewPassword);
    }

    [Fact]
    public async Task Cross_site_posts_to_the_password_pages_without_the_form_token_change_nothing()
    {
        using var victim = await App.BrowserFor(User);
        var change = await victim.Http.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = User.Password,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        }));
        var ask = await victim.Http.PostAsync("/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = User.Email }));

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ask.StatusCode);
        await Authentication.LoginAsync(Anonymous, User.Email, User.Password);
        Assert.Equal(0, await ResetRequestsAsync());
    }

    [Fact]
    public async Task Fifty_wrong_current_passwords_on_the_change_password_page_lock_it_and_change_nothing()
    {
        using var browser = await App.BrowserFor(User);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await browser.SubmitAsync((await browser.GetAsync("/account/password")).Form("/account/password"), new()
            {
                ["CurrentPassword"] = "guess-" + i,
                ["NewPassword"] = NewPassword,
                ["ConfirmPassword"] = NewPassword,
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(45, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        using var right = await browser.SubmitAsync((await browser.GetAsync("/account/password")).Form("/account/password"), new()
        {
            ["CurrentPassword"] = User.Password,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter);
        // Unchanged (and this client is now locked out of signing in as well, so it is checked directly).
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(User.Email))!, User.Password));
    }

    private Task<ResetLink> LinkForAsync(TestUser user) => ResetLinks.ForAsync(App, user);

    private Task<HttpResponseMessage> ResetAsync(ResetLink link, string newPassword) => ResetLinks.UseAsync(Anonymous, link, newPassword);

    private async Task<int> ResetRequestsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverholtDbContext>().Set<OutboxMessage>().CountAsync(message => message.Type == "PasswordResetRequested");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
