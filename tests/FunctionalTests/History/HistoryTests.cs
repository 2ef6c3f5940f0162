using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.History;

/// <summary>
/// The change history, through every entry point, on each database: who, when, the request's trace id, what and the
/// fields before and after; read by admins and a store's managers; paged and filtered; purged.
/// </summary>
public abstract class HistoryTests(OverholtApp app) : ApiTest(app)
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public async Task Every_change_to_a_store_records_who_when_the_trace_id_and_the_fields_and_stays_readable_after_its_deletion()
    {
        var product = await Given.Product().SaveAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var created = await (await Traced(HttpMethod.Post, "/api/stores", new { name = "Corner", address = "1 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
            .AssertOkJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        await (await Traced(HttpMethod.Put, $"/api/stores/{id}", new { name = "Corner shop", city = "Salem" })).AssertOkJson();
        await (await Traced(HttpMethod.Put, $"/api/stores/{id}/products/{product.Id}")).AssertOkJson();
        (await Traced(HttpMethod.Delete, $"/api/stores/{id}/products/{product.Id}")).AssertNoContent();
        await (await Traced(HttpMethod.Put, $"/api/stores/{id}/managers/{User.Id}")).AssertOkJson();
        (await Traced(HttpMethod.Delete, $"/api/stores/{id}/managers/{User.Id}")).AssertNoContent();
        (await Traced(HttpMethod.Delete, $"/api/stores/{id}")).AssertNoContent();

        var entries = await Entries($"/api/stores/{id}/history");

        Assert.Equal(
            ["store.deleted", "store.manager_removed", "store.manager_added", "store.product_removed", "store.product_added", "store.updated", "store.created"],
            entries.Select(Action));
        foreach (var entry in entries)
        {
            Assert.Equal(Admin.Id, entry.GetProperty("actor").GetProperty("id").GetInt32());
            Assert.Equal(Admin.Email, entry.GetProperty("actor").GetProperty("email").GetString());
            Assert.Equal(TraceId, entry.GetProperty("trace_id").GetString());
            Assert.InRange(entry.GetProperty("at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        }

        Assert.Equal("""{"name":["Corner","Corner shop"],"city":["Portland","Salem"]}""", entries[5].GetProperty("changes").GetRawText());
        Assert.Equal($$"""{"product":[{{product.Id}},null]}""", entries[3].GetProperty("changes").GetRawText());
        Assert.Equal($$"""{"manager":[null,{{User.Id}}]}""", entries[2].GetProperty("changes").GetRawText());
        Assert.Equal("Corner", Change(entries[6], "name")[1].GetString());
        Assert.Equal("97201", Change(entries[6], "zip_code")[1].GetString());
        Assert.Equal("Corner shop", Change(entries[0], "name")[0].GetString());
    }

    [Fact]
    public async Task Products_and_categories_record_their_changes()
    {
        var fruit = await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit" })).AssertOkJson(HttpStatusCode.Created);
        var fruitId = fruit.GetProperty("id").GetInt32();
        var red = await Given.Category("Red").SaveAsync();
        var apple = await (await AsAdmin.PostJsonAsync("/api/products", new { name = "Apple", categories = new[] { fruitId } })).AssertOkJson(HttpStatusCode.Created);
        var appleId = apple.GetProperty("id").GetInt32();
        await (await AsAdmin.PutJsonAsync($"/api/products/{appleId}", new { name = "Red apple", categories = new[] { fruitId, red.Id } })).AssertOkJson();
        await (await AsAdmin.PutJsonAsync($"/api/categories/{fruitId}", new { description = "Sweet" })).AssertOkJson();
        (await AsAdmin.DeleteAsync($"/api/products/{appleId}")).AssertNoContent();
        (await AsAdmin.DeleteAsync($"/api/categories/{fruitId}")).AssertNoContent();

        var product = await Entries($"/api/products/{appleId}/history");
        var category = await Entries($"/api/categories/{fruitId}/history");

        Assert.Equal(["product.deleted", "product.updated", "product.created"], product.Select(Action));
        Assert.Equal($$"""{"name":["Apple","Red apple"],"categories":[[{{fruitId}}],{{JsonSerializer.Serialize(new[] { fruitId, red.Id }.Order())}}]}""", product[1].GetProperty("changes").GetRawText());
        Assert.Equal($$"""{"name":[null,"Apple"],"categories":[null,[{{fruitId}}]]}""", product[2].GetProperty("changes").GetRawText());
        Assert.Equal(["category.deleted", "category.updated", "category.created"], category.Select(Action));
        Assert.Equal("""{"description":[null,"Sweet"]}""", category[1].GetProperty("changes").GetRawText());
    }

    [Fact]
    public async Task Management_commands_record_the_operator_and_user_changes_never_a_password()
    {
        Assert.Equal(0, (await Command("Strong-password-1\n", "users", "create", "ops@example.com", "--admin")).Exit);
        Assert.Equal(0, (await Command(null, "users", "deactivate", "ops@example.com")).Exit);
        Assert.Equal(0, (await Command(null, "users", "activate", "ops@example.com")).Exit);
        Assert.Equal(0, (await Command(null, "users", "revoke-admin", "ops@example.com")).Exit);
        Assert.Equal(0, (await Command("Brand-new-password-3\n", "users", "set-password", "ops@example.com")).Exit);
        var id = await UserIdAsync("ops@example.com");
        Assert.Equal(0, (await Command(null, "users", "delete", "ops@example.com")).Exit);

        var entries = await Entries($"/api/users/{id}/history");

        Assert.Equal(["user.deleted", "user.password_reset", "user.roles_changed", "user.activated", "user.deactivated", "user.created"], entries.Select(Action));
        Assert.All(entries, entry => Assert.Equal("""{"id":null,"email":null,"kind":"operator"}""", entry.GetProperty("actor").GetRawText()));
        Assert.Equal("""{"email":[null,"ops@example.com"],"active":[null,true],"roles.admin":[false,true]}""", entries[5].GetProperty("changes").GetRawText());
        Assert.Equal("""{"password":[null,"changed"]}""", entries[1].GetProperty("changes").GetRawText());
        Assert.Equal("""{"roles.admin":[true,false]}""", entries[2].GetProperty("changes").GetRawText());
        Assert.Equal("""{"active":[false,true]}""", entries[3].GetProperty("changes").GetRawText());
        Assert.DoesNotContain("AQAAAA", string.Join(' ', entries.Select(entry => entry.GetRawText())), StringComparison.Ordinal); // no hash
    }

    [Fact]
    public async Task A_user_changing_their_own_password_is_recorded_as_theirs_without_the_password()
    {
        var changed = await AsUser.PostJsonAsync("/api/auth/manage/info", new { old_password = User.Password, new_password = "Changed-password-1" });
        Assert.True(changed.IsSuccessStatusCode, $"{(int)changed.StatusCode}");

        var entry = Assert.Single(await Entries("/api/history?action=user.password_changed"));

        Assert.Equal(User.Id, entry.GetProperty("resource_id").GetInt32());
        Assert.Equal(User.Id, entry.GetProperty("actor").GetProperty("id").GetInt32());
        Assert.Equal(User.Email, entry.GetProperty("actor").GetProperty("email").GetString());
        Assert.Equal("""{"password":[null,"changed"]}""", entry.GetProperty("changes").GetRawText());
    }

    [Fact]
    public async Task A_password_reset_through_an_emailed_link_is_recorded_as_anonymous()
    {
        var link = await Auth.ResetLinks.ForAsync(App, User);

        Assert.Equal(HttpStatusCode.OK, (await Auth.ResetLinks.UseAsync(Anonymous, link, "Recovered-password-1")).StatusCode);

        var entry = Assert.Single(await Entries($"/api/history?action=user.password_reset&resource_id={User.Id}"));
        Assert.Equal("""{"id":null,"email":null,"kind":"anonymous"}""", entry.GetProperty("actor").GetRawText());
    }

    [Fact]
    public async Task Page_edits_record_the_signed_in_user()
    {
        var store = await Given.Store("Before").SaveAsync();
        using var browser = await App.BrowserFor(Admin);

        var edit = await browser.GetAsync($"/stores/{store.Id}/edit");
        await browser.SubmitAndFollowAsync(edit.Form($"/stores/{store.Id}/edit"), new() { ["Name"] = "After" });

        var updated = Assert.Single(await Entries($"/api/history?action=store.updated&resource_id={store.Id}"));
        Assert.Equal(Admin.Id, updated.GetProperty("actor").GetProperty("id").GetInt32());
        Assert.Equal("""{"name":["Before","After"]}""", updated.GetProperty("changes").GetRawText());
    }

    [Fact]
    public async Task Admins_see_recent_changes_filtered_by_who_what_and_when_and_each_resources_history_tab()
    {
        var store = await Given.Store("Corner").SaveAsync();
        await (await AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { name = "Corner shop" })).AssertOkJson();
        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit" })).AssertOkJson(HttpStatusCode.Created);
        using var browser = await App.BrowserFor(Admin);

        var dashboard = await browser.GetAsync("/");
        var recent = await browser.GetAsync($"/history?who={Uri.EscapeDataString(Admin.Email)}&action=store.updated&from={DateTime.UtcNow:yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}");
        var none = await browser.GetAsync($"/history?who={Uri.EscapeDataString(User.Email)}");
        var unknown = await browser.GetAsync("/history?who=nobody%40example.com");
        var tab = await browser.GetAsync($"/stores/{store.Id}/history");
        var storePage = await browser.GetAsync($"/stores/{store.Id}");

        Assert.NotNull(dashboard.QuerySelector("a[href='/history']"));
        var row = Assert.Single(recent.QuerySelectorAll("tbody tr"));
        Assert.Contains("store.updated", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Admin.Email, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Corner → Corner shop", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("No changes recorded.", none.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nobody@example.com", unknown.Alert(), StringComparison.Ordinal);
        Assert.Equal(["store.updated", "store.created"], tab.QuerySelectorAll("tbody tr td:nth-child(3)").Select(cell => cell.TextContent));
        Assert.NotNull(storePage.QuerySelector($"a[href='/stores/{store.Id}/history']"));
    }

    [Fact]
    public async Task A_stores_manager_sees_its_history_tab_and_nothing_else()
    {
        var mine = await Given.Store().WithManager(User).SaveAsync();
        var other = await Given.Store().SaveAsync();
        var product = await Given.Product().SaveAsync();
        using var browser = await App.BrowserFor(User);

        await browser.GetAsync($"/stores/{mine.Id}/history");

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAnyAsync($"/stores/{other.Id}/history")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAnyAsync("/history")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAnyAsync($"/products/{product.Id}/history")).Response.StatusCode);
        Assert.Null((await browser.GetAsync("/")).QuerySelector("a[href='/history']"));
    }

    [Fact]
    public async Task A_stores_managers_read_its_history_but_no_other_stores_nor_the_whole_history()
    {
        var mine = await Given.Store().WithManager(User).SaveAsync();
        var other = await Given.Store().SaveAsync();
        await (await AsUser.PutJsonAsync($"/api/stores/{mine.Id}", new { name = "Renamed by its manager" })).AssertOkJson();

        var entries = await Entries($"/api/stores/{mine.Id}/history", AsUser);

        Assert.Equal(User.Id, entries[0].GetProperty("actor").GetProperty("id").GetInt32());
        await (await AsUser.GetAsync($"/api/stores/{other.Id}/history")).AssertProblem(403);
        await (await AsUser.GetAsync("/api/history")).AssertProblem(403);
        await (await AsUser.GetAsync($"/api/products/{1}/history")).AssertProblem(403);
        await (await AsUser.GetAsync($"/api/users/{User.Id}/history")).AssertProblem(403);
        await (await Anonymous.GetAsync($"/api/stores/{mine.Id}/history")).AssertProblem(401);
        await (await Anonymous.GetAsync("/api/history")).AssertProblem(401);
    }

    [Fact]
    public async Task A_deleted_store_is_not_found_for_its_former_managers_and_an_id_never_seen_has_an_empty_history()
    {
        var store = await Given.Store().WithManager(User).SaveAsync();
        (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}")).AssertNoContent();

        await (await AsUser.GetAsync($"/api/stores/{store.Id}/history")).AssertProblem(404);
        Assert.Equal("store.deleted", Action((await Entries($"/api/stores/{store.Id}/history"))[0]));
        Assert.Empty(await Entries("/api/stores/999999/history"));
        Assert.Empty(await Entries("/api/products/999999/history"));
    }

    [Fact]
    public async Task The_whole_history_is_paged_newest_first_and_filtered()
    {
        var other = await Given.User().InRole("admin").SaveAsync();
        var asOther = await App.ClientForAsync(other);
        for (var i = 0; i < 5; i++)
            await (await AsAdmin.PostJsonAsync("/api/categories", new { name = $"Category {i}" })).AssertOkJson(HttpStatusCode.Created);
        var store = await (await asOther.PostJsonAsync("/api/stores", new { name = "S", address = "A", city = "C", state = "OR", zip_code = "1" })).AssertOkJson(HttpStatusCode.Created);

        var first = await (await AsAdmin.GetAsync("/api/history?resource_type=category&page_size=2")).AssertOkList();
        var third = await (await AsAdmin.GetAsync("/api/history?resource_type=category&page_size=2&page=3")).AssertOkList();
        var beyond = await (await AsAdmin.GetAsync("/api/history?resource_type=category&page_size=2&page=9")).AssertOkList();

        Assert.Equal(5, first.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(["Category 4", "Category 3"], first.GetProperty("data").EnumerateArray().Select(entry => Change(entry, "name")[1].GetString()));
        Assert.Equal(["Category 0"], third.GetProperty("data").EnumerateArray().Select(entry => Change(entry, "name")[1].GetString()));
        Assert.Empty(beyond.GetProperty("data").EnumerateArray());
        Assert.Equal(5, beyond.GetProperty("meta").GetProperty("total").GetInt32());

        var byOther = await Entries($"/api/history?actor={other.Id}");
        Assert.Equal(store.GetProperty("id").GetInt32(), Assert.Single(byOther).GetProperty("resource_id").GetInt32());
        Assert.Equal(5, (await Entries($"/api/history?action=category.created&actor={Admin.Id}")).Length);
        Assert.Single(await Entries($"/api/history?resource_type=store&resource_id={store.GetProperty("id").GetInt32()}"));
        var now = DateTimeOffset.UtcNow;
        Assert.Empty(await Entries($"/api/history?from={Uri.EscapeDataString(now.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}"));
        Assert.Equal(6, (await Entries($"/api/history?from={Uri.EscapeDataString(now.AddMinutes(-5).ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(now.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}&actor={Admin.Id}"))
            .Length + byOther.Length);
    }

    [Theory]
    [InlineData("actor=abc", "actor")]
    [InlineData("actor=0", "actor")]
    [InlineData("actor=%00", "actor")]
    [InlineData("resource_id=1%002", "resource_id")]
    [InlineData("action=store.exploded", "action")]
    [InlineData("action=store.created%00", "action")]
    [InlineData("resource_type=%00", "resource_type")]
    [InlineData("resource_type=order", "resource_type")]
    [InlineData("resource_id=-1", "resource_id")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("page=0", "page")]
    [InlineData("page_size=201", "page_size")]
    public async Task Bad_filters_are_400_naming_the_parameter(string query, string parameter)
    {
        await (await AsAdmin.GetAsync($"/api/history?{query}")).AssertProblem(400, parameter);
    }

    [Fact]
    public async Task The_purge_command_deletes_entries_before_the_date_and_says_how_many()
    {
        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Kept" })).AssertOkJson(HttpStatusCode.Created);
        var total = (await (await AsAdmin.GetAsync("/api/history")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32();

        var none = await Command(null, "history", "purge", "--before", "2000-01-01");
        var all = await Command(null, "history", "purge", "--before", DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var bad = await Command(null, "history", "purge", "--before", "soon");

        Assert.True(none.Exit == 0, none.Error);
        Assert.Contains("Deleted 0 history entries", none.Output, StringComparison.Ordinal);
        Assert.True(all.Exit == 0, all.Error);
        Assert.Contains($"Deleted {total} history entries", all.Output, StringComparison.Ordinal);
        Assert.Empty(await Entries("/api/history"));
        Assert.NotEqual(0, bad.Exit);
    }

    private Task<HttpResponseMessage> Traced(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");
        if (body is not null)
            request.Content = JsonContent(body);
        return AsAdmin.SendAsync(request);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, HttpAssertions.Json), System.Text.Encoding.UTF8, "application/json");

    protected async Task<JsonElement[]> Entries(string url, HttpClient? client = null) =>
        [.. (await (await (client ?? AsAdmin).GetAsync(url)).AssertOkList()).GetProperty("data").EnumerateArray()];

    private static string? Action(JsonElement entry) => entry.GetProperty("action").GetString();

    private static JsonElement[] Change(JsonElement entry, string field) => [.. entry.GetProperty("changes").GetProperty(field).EnumerateArray()];

    private async Task<int> UserIdAsync(string email)
    {
        var users = await (await AsAdmin.GetAsync($"/api/history?action=user.created")).AssertOkList();
        return users.GetProperty("data").EnumerateArray().First(entry => Change(entry, "email")[1].GetString() == email).GetProperty("resource_id").GetInt32();
    }

    protected Task<CommandResult> Command(string? input, params string[] args) =>
        ManagementCommand.RunAsync(Environments.Production, App.Database.Provider, App.Database.ConnectionString, input, args);
}

public sealed class PostgresHistoryTests(PostgresApp postgres) : HistoryTests(postgres.App);

public sealed class SqliteHistoryTests(SqliteApp sqlite) : HistoryTests(sqlite.App), IClassFixture<SqliteApp>;
