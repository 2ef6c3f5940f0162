using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Overholt.Domain.Users;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Security;

/// <summary>Role changes, password resets and deactivation reach tokens and sessions issued before them, on every node.</summary>
public sealed class RevocationTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task A_revoked_admin_loses_admin_powers_with_the_token_issued_before()
    {
        var boss = await Given.User().InRole(Roles.Admin).SaveAsync();
        var token = await App.ClientForAsync(boss);
        await (await token.PostJsonAsync("/api/categories", new { name = "Before" })).AssertOkJson(HttpStatusCode.Created);

        await AsAdminPage($"/users/{boss.Id}", $"/users/{boss.Id}/admin");

        await (await token.PostJsonAsync("/api/categories", new { name = "After" })).AssertProblem(401);
        await (await token.GetAsync("/api/stores")).AssertProblem(401);
        Assert.Equal(1, await CategoryCountAsync());
    }

    [Fact]
    public async Task A_password_reset_ends_existing_tokens_refresh_tokens_and_cookies()
    {
        var member = await Given.User().SaveAsync();
        using var login = await Anonymous.PostJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password });
        using var tokens = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var bearer = await App.ClientForAsync(member);
        using var cookie = await App.CookieClientFor(member);
        using var browser = await App.BrowserFor(member);

        await AsAdminPage($"/users/{member.Id}", $"/users/{member.Id}/password", new() { ["newPassword"] = "Brand-new-password-2" });

        await (await bearer.GetAsync("/api/stores")).AssertProblem(401);
        await (await cookie.GetAsync("/api/stores")).AssertProblem(401);
        var refreshed = await Anonymous.PostJsonAsync("/api/auth/refresh", new { refresh_token = tokens.RootElement.GetProperty("refresh_token").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        var (page, _) = await browser.GetAnyAsync("/stores");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivation_ends_existing_tokens()
    {
        var member = await Given.User().SaveAsync();
        var bearer = await App.ClientForAsync(member);
        await (await bearer.GetAsync("/api/stores")).AssertOkList();

        await AsAdminPage($"/users/{member.Id}", $"/users/{member.Id}/active");

        var response = await bearer.GetAsync("/api/stores");
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_change_on_one_node_reaches_tokens_on_another_within_ten_seconds()
    {
        var boss = await Given.User().InRole(Roles.Admin).SaveAsync();
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = otherNode.CreateClient();
        onOtherNode.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(Anonymous, boss.Email, boss.Password));
        await (await onOtherNode.GetAsync("/api/stores")).AssertOkList(); // the other node now knows the account

        await AsAdminPage($"/users/{boss.Id}", $"/users/{boss.Id}/admin");
        var revoked = Stopwatch.StartNew();
        while ((await onOtherNode.GetAsync("/api/stores")).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(10), "The other node still accepts the token after 10 seconds");
            await Task.Delay(200);
        }

        await (await onOtherNode.PostJsonAsync("/api/categories", new { name = "Planted" })).AssertProblem(401);
        Assert.Equal(0, await CategoryCountAsync());
    }

    [Fact]
    public async Task A_token_issued_on_one_node_works_at_once_on_a_node_that_knew_the_account_before_a_change()
    {
        var member = await Given.User().SaveAsync();
        await using var otherNode = new OverholtApp(App.Database);
        using var onOtherNode = otherNode.CreateClient();
        onOtherNode.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(Anonymous, member.Email, member.Password));
        await (await onOtherNode.GetAsync("/api/stores")).AssertOkList();
        await AsAdminPage($"/users/{member.Id}", $"/users/{member.Id}/password", new() { ["newPassword"] = "Brand-new-password-2" });

        onOtherNode.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(Anonymous, member.Email, "Brand-new-password-2"));

        await (await onOtherNode.GetAsync("/api/stores")).AssertOkList();
    }

    private async Task AsAdminPage(string page, string form, Dictionary<string, string>? values = null)
    {
        using var admin = await App.BrowserFor(Admin);
        await admin.SubmitAndFollowAsync((await admin.GetAsync(page)).Form(form), values);
    }

    private async Task<int> CategoryCountAsync() =>
        (await (await AsAdmin.GetAsync("/api/categories")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32();
}
