using System.Net;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Security;

/// <summary>Control characters and LIKE wildcards get the same documented answers on both databases.</summary>
public abstract class OddInputTests(OverholtApp app) : ApiTest(app)
{
    [Theory]
    [InlineData("name")]
    [InlineData("address")]
    [InlineData("city")]
    [InlineData("state")]
    [InlineData("zip_code")]
    public async Task A_nul_in_any_store_field_is_a_400_naming_it_and_nothing_is_stored(string field)
    {
        var body = new Dictionary<string, string> { ["name"] = "Corner", ["address"] = "1 Main", ["city"] = "Portland", ["state"] = "OR", ["zip_code"] = "97201" };
        body[field] = "bad\u0000value";

        await (await AsAdmin.PostJsonAsync("/api/stores", body)).AssertProblem(400, field);

        var store = await Given.Store("Kept").SaveAsync();
        await (await AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new Dictionary<string, string> { [field] = "x\u0001y" })).AssertProblem(400, field);
        var stored = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
        Assert.Equal("Kept", stored.GetProperty("name").GetString());
        Assert.Equal(1, (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_nul_in_product_and_category_texts_is_a_400_naming_the_field()
    {
        var category = await Given.Category().SaveAsync();

        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fr\u0000uit" })).AssertProblem(400, "name");
        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit", description = "Sweet\u0000" })).AssertProblem(400, "description");
        await (await AsAdmin.PutJsonAsync($"/api/categories/{category.Id}", new { description = "a\u0000b" })).AssertProblem(400, "description");
        await (await AsAdmin.PostJsonAsync("/api/products", new { name = "App\u0000le", categories = new[] { category.Id } })).AssertProblem(400, "name");

        Assert.Equal(1, (await (await AsUser.GetAsync("/api/categories")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await AsUser.GetAsync("/api/products")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_description_may_have_line_breaks()
    {
        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit", description = "Sweet\nand juicy" })).AssertOkJson(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("/api/stores")]
    [InlineData("/api/products")]
    [InlineData("/api/categories")]
    public async Task A_nul_in_a_search_is_a_400_naming_search(string list)
    {
        await (await AsAdmin.GetAsync($"{list}?search=a%00b")).AssertProblem(400, "search");
    }

    [Theory]
    [InlineData("/stores")]
    [InlineData("/users")]
    public async Task A_nul_in_a_page_search_is_a_bad_request_page(string list)
    {
        using var browser = await App.BrowserFor(Admin);

        var (response, _) = await browser.GetAnyAsync($"{list}?search=a%00b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_store_form_shows_a_control_character_refusal_beside_the_field()
    {
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.SubmitAndFollowAsync((await browser.GetAsync("/stores/new")).Form("/stores/new"),
            new() { ["Name"] = "Corner\u0001", ["Address"] = "1 Main", ["City"] = "Portland", ["State"] = "OR", ["ZipCode"] = "97201" });

        Assert.Contains("control characters", page.FieldError("Name"), StringComparison.Ordinal);
        Assert.Equal(0, (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/stores", "name", "\u202Egnp.exe")]
    [InlineData("/api/products", "name", "Apple\u200B")]
    [InlineData("/api/categories", "name", "\u2066Fruit\u2069")]
    [InlineData("/api/stores", "city", "Port\uFEFFland")]
    [InlineData("/api/categories", "description", "Fresh\u202Efruit")]
    public async Task Invisible_characters_that_change_how_a_name_reads_are_refused_naming_the_field(string url, string field, string value)
    {
        var body = new Dictionary<string, object?> { ["name"] = "Plain", ["address"] = "1 Main", ["city"] = "Portland", ["state"] = "OR", ["zip_code"] = "97201", ["categories"] = Array.Empty<int>() };
        body[field] = value;

        var problem = await (await AsAdmin.PostJsonAsync(url, body)).AssertProblem(400, field: field);

        Assert.Contains("invisible", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await AsUser.GetAsync(url)).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_joiners_emoji_and_persian_need_are_kept()
    {
        var created = await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Family \U0001F468\u200D\U0001F469\u200D\U0001F467 \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645" })).AssertOkJson(HttpStatusCode.Created);

        Assert.Contains("\u200D", created.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_form_shows_an_invisible_character_refusal_beside_the_field()
    {
        using var browser = await App.BrowserFor(Admin);

        var page = await browser.SubmitAndFollowAsync((await browser.GetAsync("/stores/new")).Form("/stores/new"),
            new() { ["Name"] = "Corner\u202E", ["Address"] = "1 Main", ["City"] = "Portland", ["State"] = "OR", ["ZipCode"] = "97201" });

        Assert.Contains("invisible", page.FieldError("Name"), StringComparison.Ordinal);
        Assert.Equal(0, (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_form_with_a_nul_is_refused_by_the_form_reader_with_a_400_page()
    {
        using var browser = await App.BrowserFor(Admin);

        // ASP.NET Core's form reader will not decode %00 at all: the request is a bad request before any validator runs.
        using var response = await browser.SubmitAsync((await browser.GetAsync("/stores/new")).Form("/stores/new"),
            new() { ["Name"] = "Corner\u0000", ["Address"] = "1 Main", ["City"] = "Portland", ["State"] = "OR", ["ZipCode"] = "97201" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("100%", "100% Organic")]
    [InlineData("a_b", "a_b Market")]
    [InlineData("\\", "Back\\slash")]
    public async Task Search_matches_wildcard_characters_literally(string search, string expected)
    {
        await Given.Store("100% Organic").SaveAsync();
        await Given.Store("1000 Islands").SaveAsync();
        await Given.Store("a_b Market").SaveAsync();
        await Given.Store("axb Market").SaveAsync();
        await Given.Store("Back\\slash").SaveAsync();
        await Given.Category(expected).SaveAsync();
        await Given.Category("Other").SaveAsync();

        var stores = await (await AsUser.GetAsync($"/api/stores?search={Uri.EscapeDataString(search)}")).AssertOkList();
        var categories = await (await AsUser.GetAsync($"/api/categories?search={Uri.EscapeDataString(search)}")).AssertOkList();

        Assert.Equal([expected], stores.GetProperty("data").EnumerateArray().Select(store => store.GetProperty("name").GetString()));
        Assert.Equal([expected], categories.GetProperty("data").EnumerateArray().Select(category => category.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task User_search_matches_wildcard_characters_literally()
    {
        await Given.User("a_b@example.com").SaveAsync();
        await Given.User("axb@example.com").SaveAsync();

        using var browser = await App.BrowserFor(Admin);

        var page = await browser.GetAsync("/users?search=a_b");

        Assert.Contains("a_b@example.com", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("axb@example.com", page.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class OddInputOnPostgresTests(PostgresApp postgres) : OddInputTests(postgres.App);

public sealed class OddInputOnSqliteTests(SqliteApp sqlite) : OddInputTests(sqlite.App), IClassFixture<SqliteApp>;
