using System.Net;
using Overholt.Testing;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Pages;

public sealed class UserPagesTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_sign_in()
    {
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.SubmitAndFollowAsync((await browser.GetAsync("/users/new")).Form("/users/new"), new() { ["Email"] = "new@example.com", ["Password"] = "New-password-1" });

        Assert.Equal("new@example.com", page.Heading());
        using var newcomer = await App.BrowserFor(new TestUser(0, "new@example.com", "New-password-1"));
        await newcomer.GetAsync("/");
    }

    [Fact]
    public async Task A_taken_email_and_a_weak_password_are_shown_beside_their_fields()
    {
        using var browser = await App.BrowserFor(Admin);

        var taken = await browser.SubmitAndFollowAsync((await browser.GetAsync("/users/new")).Form("/users/new"), new() { ["Email"] = User.Email, ["Password"] = "New-password-1" });
        var weak = await browser.SubmitAndFollowAsync((await browser.GetAsync("/users/new")).Form("/users/new"), new() { ["Email"] = "weak@example.com", ["Password"] = "short" });

        Assert.Contains("already exists", taken.FieldError("Email"), StringComparison.Ordinal);
        Assert.NotNull(weak.FieldError("Password"));
        Assert.Equal("weak@example.com", weak.InputValue("#Email"));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_until_reactivated()
    {
        var member = await Given.User().SaveAsync();
        using var admin = await App.BrowserFor(Admin);

        var page = await admin.SubmitAndFollowAsync((await admin.GetAsync($"/users/{member.Id}")).Form($"/users/{member.Id}/active"));
        Assert.Equal("Account deactivated.", page.Alert());
        await AssertSignInMessage(member, "This account is deactivated.");

        await admin.SubmitAndFollowAsync(page.Form($"/users/{member.Id}/active"));
        using var back = await App.BrowserFor(member);
        await back.GetAsync("/");
    }

    [Fact]
    public async Task Without_the_password_a_deactivated_account_looks_like_any_failed_sign_in()
    {
        var member = await Given.User().Inactive().SaveAsync();

        await AssertSignInMessage(member with { Password = "not-their-password" }, "Wrong email or password.");
        await AssertSignInMessage(member, "This account is deactivated.");
    }

    [Fact]
    public async Task A_user_deactivated_while_signed_in_can_still_log_out()
    {
        var member = await Given.User().SaveAsync();
        using var browser = await App.BrowserFor(member);
        var dashboard = await browser.GetAsync("/");

        await App.DeactivateAsync(member);
        using var logout = await browser.SubmitAsync(dashboard.Form("/logout"));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/login", logout.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        var member = await Given.User().SaveAsync();
        using var admin = await App.BrowserFor(Admin);

        var page = await admin.SubmitAndFollowAsync((await admin.GetAsync($"/users/{member.Id}")).Form($"/users/{member.Id}/password"), new() { ["newPassword"] = "Brand-new-password-2" });

        Assert.Equal("Password reset.", page.Alert());
        await AssertSignInMessage(member, "Wrong email or password.");
        using var withNewPassword = await App.BrowserFor(member with { Password = "Brand-new-password-2" });
        await withNewPassword.GetAsync("/");
    }

    [Fact]
    public async Task An_admin_makes_a_user_an_admin()
    {
        var member = await Given.User().SaveAsync();
        using var admin = await App.BrowserFor(Admin);

        var page = await admin.SubmitAndFollowAsync((await admin.GetAsync($"/users/{member.Id}")).Form($"/users/{member.Id}/admin"));

        Assert.Equal("admin", page.QuerySelector("#user-roles")!.TextContent);
        using var promoted = await App.BrowserFor(member);
        await promoted.GetAsync("/users");
    }

    [Fact]
    public async Task Admins_cannot_lock_themselves_out()
    {
        using var admin = await App.BrowserFor(Admin);
        var self = await admin.GetAsync($"/users/{Admin.Id}");
        Assert.Empty(self.QuerySelectorAll($"form[action='/users/{Admin.Id}/active'], form[action='/users/{Admin.Id}/admin']"));

        var token = self.InputValue("input[name=__RequestVerificationToken]");
        using var forced = await admin.Http.PostAsync($"/users/{Admin.Id}/active", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("active", "false")]));
        var page = await admin.GetAsync(forced.Headers.Location!.OriginalString);

        Assert.Equal("You cannot deactivate your own account", page.Alert());
        Assert.Equal("Yes", page.QuerySelector("#user-active")!.TextContent);
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/users/new")]
    public async Task Users_who_are_not_admins_get_403(string url)
    {
        using var browser = await App.BrowserFor(User);

        var (response, page) = await browser.GetAnyAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not allowed", page.Heading());
    }

    private async Task AssertSignInMessage(TestUser user, string message)
    {
        using var browser = App.Browser();
        var page = await browser.SubmitAndFollowAsync((await browser.GetAsync("/login")).Forms[0], new() { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Contains(message, page.Body!.TextContent, StringComparison.Ordinal);
    }
}
