using System.Net;
using Overholt.Domain.Users;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Pages;

/// <summary>The admin users page filters by role and status and sorts by email or last sign-in, on each provider.</summary>
public abstract class UserListPageTests(OverholtApp app) : ApiTest(app)
{
    [Fact]
    public async Task Users_are_filtered_by_role_and_status_and_sorted_by_email_or_last_sign_in()
    {
        var boss = await Given.User("boss@example.com").InRole(Roles.Admin).SaveAsync();
        await Given.User("gone@example.com").Inactive().SaveAsync();
        var early = await Given.User("early@example.com").SaveAsync();
        var late = await Given.User("late@example.com").SaveAsync();
        await Authentication.LoginAsync(Anonymous, early.Email, early.Password);
        await Task.Delay(20);
        await Authentication.LoginAsync(Anonymous, late.Email, late.Password);
        await Task.Delay(20);
        using var browser = await App.BrowserFor(Admin); // signs the admin in last

        Assert.Equal(["admin@example.com", "boss@example.com"], Emails(await browser.GetAsync("/users?role=admin")));
        Assert.Equal(["early@example.com", "gone@example.com", "late@example.com", "user@example.com"], Emails(await browser.GetAsync("/users?role=none")));
        Assert.Equal(["gone@example.com"], Emails(await browser.GetAsync("/users?active=false")));
        Assert.Equal(["user@example.com", "late@example.com", "early@example.com"], Emails(await browser.GetAsync("/users?role=none&active=true&sort=-email")));

        var page = await browser.GetAsync("/users?sort=-last_sign_in");
        Assert.Equal(["admin@example.com", "late@example.com", "early@example.com"], Emails(page).Take(3));
        Assert.Equal("descending", page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.StartsWith("Last sign-in", page.QuerySelector("th[aria-sort]")!.TextContent.Trim(), StringComparison.Ordinal);
        // Never signed in comes last either way.
        Assert.Equal(["early@example.com", "late@example.com", "admin@example.com"], Emails(await browser.GetAsync("/users?sort=last_sign_in")).Take(3));
        Assert.Contains(boss.Email, Emails(await browser.GetAsync("/users?sort=last_sign_in")).TakeLast(3));
    }

    [Theory]
    [InlineData("/users?sort=password_hash")]
    [InlineData("/users?sort=email,last_sign_in")]
    [InlineData("/users?role=owner")]
    public async Task A_filter_or_sort_the_page_does_not_know_is_refused(string url)
    {
        using var browser = await App.BrowserFor(Admin);

        var (response, _) = await browser.GetAnyAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static List<string> Emails(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("tbody tr td:first-child a").Select(link => link.TextContent.Trim())];
}

public sealed class PostgresUserListPageTests(PostgresApp postgres) : UserListPageTests(postgres.App);

public sealed class SqliteUserListPageTests(SqliteApp sqlite) : UserListPageTests(sqlite.App), IClassFixture<SqliteApp>;
