using System.Net;
using Microsoft.Extensions.Hosting;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Operations;

/// <summary>The operator's commands, run as the executable runs them, against the test app's PostgreSQL database.</summary>
public sealed class ManagementCommandTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Users_create_reads_the_password_from_standard_input_and_the_user_signs_in()
    {
        var (exit, output, _) = await RunAsync("Strong-password-1\n", "users", "create", "ops@example.com", "--admin");

        Assert.Equal(0, exit);
        Assert.Contains("ops@example.com", output, StringComparison.Ordinal);
        var token = await Authentication.LoginAsync(Anonymous, "ops@example.com", "Strong-password-1");
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await (await client.PostJsonAsync("/api/categories", new { name = "Made by the new admin" })).AssertOkJson(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Users_create_refuses_a_taken_email_or_a_weak_password_and_changes_nothing()
    {
        var (taken, _, takenError) = await RunAsync("Strong-password-1\n", "users", "create", User.Email);
        var (weak, _, weakError) = await RunAsync("short\n", "users", "create", "new@example.com");

        Assert.Equal(1, taken);
        Assert.Contains("already exists", takenError, StringComparison.Ordinal);
        await Authentication.LoginAsync(Anonymous, User.Email, User.Password); // the old password still holds
        Assert.Equal(1, weak);
        Assert.Contains("password", weakError, StringComparison.OrdinalIgnoreCase);
        Assert.False(await App.UserExistsAsync("new@example.com"));
    }

    [Fact]
    public async Task Users_set_password_reads_it_from_standard_input_ends_old_tokens_and_refuses_a_weak_one()
    {
        var member = await Given.User().SaveAsync();
        var token = await App.ClientForAsync(member);

        var weak = await RunAsync("short\n", "users", "set-password", member.Email);
        var set = await RunAsync("Brand-new-password-3\n", "users", "set-password", member.Email);

        Assert.Equal(1, weak.Exit);
        Assert.Contains("password", weak.Error, StringComparison.OrdinalIgnoreCase);
        Assert.True(set.Exit == 0, set.Error);
        await Authentication.LoginAsync(Anonymous, member.Email, "Brand-new-password-3");
        await (await Anonymous.PostJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password })).AssertProblem(401);
        var deadline = DateTime.UtcNow.AddSeconds(10); // the command runs as another node would
        while ((await token.GetAsync("/api/stores")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < deadline, "The old token still works after 10 seconds");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Users_list_shows_each_user_with_roles_and_activity()
    {
        var (exit, output, _) = await RunAsync(null, "users", "list");

        Assert.Equal(0, exit);
        var adminLine = Assert.Single(output.Split('\n'), line => line.Contains(Admin.Email, StringComparison.Ordinal));
        Assert.Contains("admin", adminLine.Replace(Admin.Email, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(User.Email, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_activate_grant_and_revoke_change_the_account()
    {
        var member = await Given.User().SaveAsync();

        Assert.Equal(0, (await RunAsync(null, "users", "deactivate", member.Email)).Exit);
        await (await Anonymous.PostJsonAsync("/api/auth/login", new { email = member.Email, password = member.Password })).AssertProblem(401);
        Assert.Equal(0, (await RunAsync(null, "users", "activate", member.Email)).Exit);
        Assert.Equal(0, (await RunAsync(null, "users", "grant-admin", member.Email)).Exit);

        var output = (await RunAsync(null, "users", "list")).Output;
        Assert.Contains("admin", output.Split('\n').Single(line => line.Contains(member.Email, StringComparison.Ordinal)).Replace(member.Email, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(null, "users", "revoke-admin", member.Email)).Exit);
        Assert.DoesNotContain("admin", (await RunAsync(null, "users", "list")).Output.Split('\n').Single(line => line.Contains(member.Email, StringComparison.Ordinal)).Replace(member.Email, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_delete_removes_the_account_its_store_management_and_its_tokens()
    {
        var leaving = await Given.User().SaveAsync();
        var store = await Given.Store().WithManager(leaving).SaveAsync();
        var token = await App.ClientForAsync(leaving);
        await (await token.GetAsync("/api/stores")).AssertOkList();

        var (exit, _, _) = await RunAsync(null, "users", "delete", leaving.Email);

        Assert.Equal(0, exit);
        Assert.False(await App.UserExistsAsync(leaving.Email));
        var after = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
        Assert.Equal(0, after.GetProperty("managers").GetArrayLength());
        var deadline = DateTime.UtcNow.AddSeconds(10); // the command runs as another node would
        while ((await token.GetAsync("/api/stores")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTime.UtcNow < deadline, "The deleted user's token still works after 10 seconds");
            await Task.Delay(200);
        }
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("deactivate")]
    [InlineData("grant-admin")]
    public async Task An_unknown_email_is_an_error(string verb)
    {
        var (exit, _, error) = await RunAsync(null, "users", verb, "nobody@example.com");

        Assert.Equal(1, exit);
        Assert.Contains("No user has the email nobody@example.com", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_migrate_brings_the_database_up_to_date()
    {
        var (exit, output, _) = await RunAsync(null, "db", "migrate");

        Assert.Equal(0, exit);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_seed_sample_adds_a_dataset_once()
    {
        Assert.Equal(0, (await RunAsync(null, "db", "seed", "--sample")).Exit);
        var first = await TotalsAsync();
        var (exit, output, _) = await RunAsync(null, "db", "seed", "--sample");

        Assert.Equal(0, exit);
        Assert.Contains("Added 0 categories, 0 products and 0 stores", output, StringComparison.Ordinal);
        Assert.Equal(first, await TotalsAsync());
        Assert.True(first.Stores > 0 && first.Products > 0 && first.Categories > 0);
        var stores = await (await AsUser.GetAsync("/api/stores")).AssertOkList();
        Assert.Contains(stores.GetProperty("data").EnumerateArray(), store => store.GetProperty("managers").GetArrayLength() > 0 && store.GetProperty("products").GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_unknown_command_prints_usage_and_fails_without_serving()
    {
        var (exit, output, error) = await RunAsync(null, "frobnicate");

        Assert.Equal(1, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_delete_a_user_on_the_user_pages_after_confirming()
    {
        var leaving = await Given.User().SaveAsync();
        using var admin = await App.BrowserFor(Admin);

        var confirm = await admin.GetAsync($"/users/{leaving.Id}/delete");
        var page = await admin.SubmitAndFollowAsync(confirm.Form($"/users/{leaving.Id}/delete"));

        Assert.Equal("User deleted.", page.Alert());
        Assert.False(await App.UserExistsAsync(leaving.Email));
        var (self, _) = await admin.GetAnyAsync($"/users/{Admin.Id}/delete");
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_user_on_the_pages_is_refused_to_non_admins_to_oneself_and_without_the_form_token()
    {
        var target = await Given.User().SaveAsync();
        using var admin = await App.BrowserFor(Admin);
        using var member = await App.BrowserFor(User);
        var adminForm = (await admin.GetAsync($"/users/{target.Id}/delete")).Form($"/users/{target.Id}/delete");

        // A signed-in user who is not an admin, even with a valid form token of their own session.
        var (forbidden, _) = await member.GetAnyAsync($"/users/{target.Id}/delete");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var forced = await member.Http.PostAsync($"/users/{target.Id}/delete", new FormUrlEncodedContent([new("x", "1")]));
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);

        // The admin's cookie without the form token: a cross-site form.
        using var crossSite = await admin.Http.PostAsync($"/users/{target.Id}/delete", new FormUrlEncodedContent([new("x", "1")]));
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);

        // The admin, on their own account, with a valid token.
        var token = adminForm.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Single(input => input.Name == "__RequestVerificationToken").Value;
        using var self = await admin.Http.PostAsync($"/users/{Admin.Id}/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var page = await admin.GetAsync(self.Headers.Location!.OriginalString);
        Assert.Equal("You cannot delete your own account", page.Alert());

        Assert.True(await App.UserExistsAsync(target.Email));
        Assert.True(await App.UserExistsAsync(Admin.Email));
    }

    private async Task<(int Categories, int Products, int Stores)> TotalsAsync()
    {
        async Task<int> Total(string url) => (await (await AsUser.GetAsync(url)).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32();
        return (await Total("/api/categories"), await Total("/api/products"), await Total("/api/stores"));
    }

    private Task<CommandResult> RunAsync(string? input, params string[] args) =>
        ManagementCommand.RunAsync(Environments.Production, App.Database.Provider, App.Database.ConnectionString, input, args);
}
