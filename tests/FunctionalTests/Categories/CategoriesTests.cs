using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Categories;

public sealed class CategoriesTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Listing_categories_returns_a_page()
    {
        await Given.Category("Fruit").SaveAsync();
        await Given.Category("Bread").SaveAsync();

        var body = await (await AsUser.GetAsync("/api/categories")).AssertOkList();

        Assert.Equal(["Bread", "Fruit"], body.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(2, body.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Creating_a_category_returns_201_with_location()
    {
        var response = await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit", description = "Sweet" });

        var data = await response.AssertOkJson(System.Net.HttpStatusCode.Created);
        Assert.Equal("Fruit", data.GetProperty("name").GetString());
        Assert.Equal("Sweet", data.GetProperty("description").GetString());
        Assert.Equal($"/api/categories/{data.GetProperty("id").GetInt32()}", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_duplicate_category_name_is_a_conflict_and_changes_nothing()
    {
        await Given.Category("Fruit").SaveAsync();

        await (await AsAdmin.PostJsonAsync("/api/categories", new { name = "Fruit" })).AssertProblem(409);

        var body = await (await AsUser.GetAsync("/api/categories")).AssertOkList();
        Assert.Equal(1, body.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("""{"name": ""}""", "name")]
    [InlineData("""{"name": 12}""", "name")]
    public async Task Invalid_category_input_is_a_400_naming_the_field(string json, string field) =>
        await (await AsAdmin.SendRawAsync(HttpMethod.Post, "/api/categories", json)).AssertProblem(400, field);

    [Fact]
    public async Task Over_long_fields_are_refused()
    {
        var tooLong = new string('x', 256);

        var problem = await (await AsAdmin.PostJsonAsync("/api/categories", new { name = tooLong, description = tooLong })).AssertProblem(400, "name");

        Assert.True(problem.GetProperty("errors").TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Updating_a_category_changes_only_the_given_fields()
    {
        var category = await Given.Category("Fruit").Described("Sweet").SaveAsync();

        var data = await (await AsAdmin.PutJsonAsync($"/api/categories/{category.Id}", new { name = "Fresh fruit" })).AssertOkJson();

        Assert.Equal("Fresh fruit", data.GetProperty("name").GetString());
        Assert.Equal("Sweet", data.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Renaming_to_an_existing_name_is_a_conflict()
    {
        await Given.Category("Fruit").SaveAsync();
        var bread = await Given.Category("Bread").SaveAsync();

        await (await AsAdmin.PutJsonAsync($"/api/categories/{bread.Id}", new { name = "Fruit" })).AssertProblem(409);

        var data = await (await AsUser.GetAsync($"/api/categories/{bread.Id}")).AssertOkJson();
        Assert.Equal("Bread", data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Deleting_a_category_returns_204_and_it_is_gone()
    {
        var category = await Given.Category().SaveAsync();

        (await AsAdmin.DeleteAsync($"/api/categories/{category.Id}")).AssertNoContent();

        await (await AsUser.GetAsync($"/api/categories/{category.Id}")).AssertProblem(404, error: "Not found");
    }

    [Fact]
    public async Task Only_admins_change_categories()
    {
        var category = await Given.Category("Fruit").SaveAsync();

        await (await AsUser.PostJsonAsync("/api/categories", new { name = "Bread" })).AssertProblem(403);
        await (await AsUser.PutJsonAsync($"/api/categories/{category.Id}", new { name = "X" })).AssertProblem(403);
        await (await AsUser.DeleteAsync($"/api/categories/{category.Id}")).AssertProblem(403);
        await (await Anonymous.PostJsonAsync("/api/categories", new { name = "Bread" })).AssertProblem(401);

        var data = await (await AsUser.GetAsync($"/api/categories/{category.Id}")).AssertOkJson();
        Assert.Equal("Fruit", data.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_categories_are_not_found()
    {
        await (await AsUser.GetAsync("/api/categories/999")).AssertProblem(404, error: "Not found");
        await (await AsAdmin.PutJsonAsync("/api/categories/999", new { name = "X" })).AssertProblem(404, error: "Not found");
        await (await AsAdmin.DeleteAsync("/api/categories/999")).AssertProblem(404, error: "Not found");
    }
}
