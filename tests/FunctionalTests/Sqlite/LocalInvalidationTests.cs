using Microsoft.Extensions.DependencyInjection;
using Overholt.Infrastructure.Caching;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Sqlite;

/// <summary>
/// A node drops its catalogue answers when its own change commits, without waiting for the database's notification.
/// SQLite sends none, so with the cache switched on here only that can make the change show.
/// </summary>
public sealed class LocalInvalidationTests(SqliteApp sqlite) : ApiTest(sqlite.App), IClassFixture<SqliteApp>
{
    private CatalogueCache Cache => App.Services.GetRequiredService<CatalogueCache>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Cache.StartServing();
    }

    public override ValueTask DisposeAsync()
    {
        Cache.StopServing();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_change_committed_on_this_node_drops_the_kept_answers_at_once()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        await Given.Store().WithProduct(product).SaveAsync();
        Assert.Equal("Kettle", await ProductName(product.Id));
        App.Statements.Reset();
        Assert.Equal("Kettle", await ProductName(product.Id));
        Assert.Equal(0, App.Statements.Count); // kept

        await (await AsAdmin.PutJsonAsync($"/api/products/{product.Id}", new { name = "Teapot" })).AssertOkJson();
        Assert.Equal("Teapot", await ProductName(product.Id));

        await (await AsAdmin.PostJsonAsync("/api/stores", new { name = "Second", address = "2 Main St", city = "Portland", state = "OR", zip_code = "97201" }))
            .AssertOkJson(System.Net.HttpStatusCode.Created);
        Assert.Equal(2, (await (await AsUser.GetAsync("/api/stores")).AssertOkList()).GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_change_that_fails_leaves_the_kept_answers_alone_and_an_unrelated_one_keeps_them()
    {
        var product = await Given.Product("Kettle").SaveAsync();
        Assert.Equal("Kettle", await ProductName(product.Id));

        await (await AsAdmin.PutJsonAsync($"/api/products/{product.Id}", new { name = "" })).AssertProblem(400, "name");
        await (await AsAdmin.PostJsonAsync("/api/auth/login", new { email = Admin.Email, password = "wrong" })).Content.ReadAsStringAsync();
        App.Statements.Reset();

        Assert.Equal("Kettle", await ProductName(product.Id));
        Assert.Equal(0, App.Statements.Count);
    }

    private async Task<string?> ProductName(int id) =>
        (await (await AsUser.GetAsync($"/api/products/{id}")).AssertOkJson()).GetProperty("name").GetString();
}
