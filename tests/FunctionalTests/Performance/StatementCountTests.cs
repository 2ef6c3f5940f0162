using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Performance;

/// <summary>Lists cost a fixed number of SQL statements whatever the page size: no N+1, no lazy loading.</summary>
public sealed class StatementCountTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Listing_stores_runs_the_same_statements_for_5_or_200_stores()
    {
        var manager = await Given.User().SaveAsync();
        for (var i = 0; i < 12; i++)
            await Given.Store().WithProducts(2).WithManager(manager).WithManager(User).SaveAsync();
        await (await AsUser.GetAsync("/api/stores?page_size=1")).AssertOkList(); // warm up: sign-in and first-query costs

        var small = await CountStatements("/api/stores?page_size=5", expectedItems: 5);
        var large = await CountStatements("/api/stores?page_size=200", expectedItems: 12);

        Assert.Equal(small, large);
        Assert.InRange(small, 1, 6);
    }

    [Theory]
    [InlineData("/api/products")]
    [InlineData("/api/categories")]
    public async Task Other_lists_do_not_grow_with_the_page_either(string url)
    {
        for (var i = 0; i < 8; i++)
            await Given.Store().WithProducts(1).SaveAsync();
        await (await AsUser.GetAsync($"{url}?page_size=1")).AssertOkList();

        Assert.Equal(await CountStatements($"{url}?page_size=2", expectedItems: 2), await CountStatements($"{url}?page_size=200", expectedItems: 8));
    }

    private async Task<int> CountStatements(string url, int expectedItems)
    {
        App.Statements.Reset();
        var body = await (await AsUser.GetAsync(url)).AssertOkList();
        Assert.Equal(expectedItems, body.GetProperty("data").GetArrayLength());
        return App.Statements.Count;
    }
}
