using System.Net;
using Overholt.Testing;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Pages;

public sealed class SignInTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task A_signed_in_user_sees_the_dashboard_and_after_logout_does_not()
    {
        using var browser = await App.BrowserFor(User);

        var dashboard = await browser.GetAsync("/");
        Assert.Contains("<h1>Dashboard</h1>", dashboard.DocumentElement.OuterHtml, StringComparison.Ordinal);

        await browser.SubmitAsync(dashboard.Form("/logout"));
        var (_, after) = await browser.GetAnyAsync("/");

        Assert.DoesNotContain("<h1>Dashboard</h1>", after.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_and_back_after_signing_in()
    {
        using var browser = App.Browser();

        var (response, _) = await browser.GetAnyAsync("/stores");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var loginUrl = response.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/login?ReturnUrl=%2Fstores", loginUrl, StringComparison.Ordinal);

        var login = await browser.GetAsync(loginUrl);
        using var signedIn = await browser.SubmitAsync(login.Forms[0], new() { ["Email"] = User.Email, ["Password"] = User.Password });

        Assert.Equal("/stores", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        using var browser = App.Browser();
        var login = await browser.GetAsync("/login?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        using var signedIn = await browser.SubmitAsync(login.Forms[0], new() { ["Email"] = User.Email, ["Password"] = User.Password });

        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_says_so_and_keeps_the_email()
    {
        using var browser = App.Browser();
        var login = await browser.GetAsync("/login");

        var page = await browser.SubmitAndFollowAsync(login.Forms[0], new() { ["Email"] = User.Email, ["Password"] = "wrong-password" });

        Assert.Contains("Wrong email or password.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(User.Email, page.InputValue("#Email"));
    }

    [Fact]
    public async Task Repeated_failures_show_the_lockout_message()
    {
        var victim = await Given.User().SaveAsync();
        using var browser = App.Browser();
        AngleSharp.Html.Dom.IHtmlDocument page = await browser.GetAsync("/login");
        for (var attempt = 0; attempt < 5; attempt++)
            page = await browser.SubmitAndFollowAsync(page.Forms[0], new() { ["Email"] = victim.Email, ["Password"] = "wrong-password" });

        page = await browser.SubmitAndFollowAsync(page.Forms[0], new() { ["Email"] = victim.Email, ["Password"] = victim.Password });

        Assert.Contains("locked", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_form_refuses_a_post_without_its_antiforgery_token()
    {
        using var browser = App.Browser();

        using var response = await browser.Http.PostAsync("/login", new FormUrlEncodedContent([new("Email", User.Email), new("Password", User.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_in_on_the_page_is_tracked_like_an_api_login()
    {
        var tracked = await Given.User().SaveAsync();
        using var browser = await App.BrowserFor(tracked);

        var data = await Testing.Http.HttpAssertions.AssertOkJson(await AsAdmin.GetAsync($"/api/users/{tracked.Id}"));

        Assert.Equal(1, data.GetProperty("login_count").GetInt32());
    }
}
