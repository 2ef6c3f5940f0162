using System.Net;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>
/// Two requests at the same instant end in the answers they would give one after the other, never in a 5xx. Each race
/// is run many times, enough to have caught the 500s these used to end in.
/// </summary>
public abstract class RaceTests(OverholtApp app) : ApiTest(app)
{
    private const int Rounds = 15;

    [Fact]
    public async Task Removing_the_same_product_twice_at_once_is_204_then_invalid_product()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var product = await Given.Product().SaveAsync();
            var store = await Given.Store().WithProduct(product).SaveAsync();

            var responses = await AtOnce(() => AsAdmin.DeleteAsync($"/api/stores/{store.Id}/products/{product.Id}"), 2);

            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.BadRequest], responses.Select(response => response.StatusCode).Order());
            await responses.Single(response => response.StatusCode == HttpStatusCode.BadRequest).AssertProblem(400, error: "Invalid product");
        }
    }

    [Fact]
    public async Task Removing_the_same_manager_twice_at_once_is_204_then_invalid_manager()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var store = await Given.Store().WithManager(User).SaveAsync();

            var responses = await AtOnce(() => AsAdmin.DeleteAsync($"/api/stores/{store.Id}/managers/{User.Id}"), 2);

            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.BadRequest], responses.Select(response => response.StatusCode).Order());
            await responses.Single(response => response.StatusCode == HttpStatusCode.BadRequest).AssertProblem(400, error: "Invalid manager");
        }
    }

    [Fact]
    public async Task Adding_the_same_product_twice_at_once_is_200_then_product_exists()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var product = await Given.Product().SaveAsync();
            var store = await Given.Store().SaveAsync();

            var responses = await AtOnce(() => AsAdmin.PutAsync($"/api/stores/{store.Id}/products/{product.Id}"), 2);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], responses.Select(response => response.StatusCode).Order());
            await responses.Single(response => response.StatusCode == HttpStatusCode.BadRequest).AssertProblem(400, error: "Product exists");
        }
    }

    [Fact]
    public async Task Adding_a_product_to_a_store_while_it_is_deleted_is_200_or_404()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var product = await Given.Product().SaveAsync();
            var store = await Given.Store().SaveAsync();

            var add = AsAdmin.PutAsync($"/api/stores/{store.Id}/products/{product.Id}");
            var delete = AsAdmin.DeleteAsync($"/api/products/{product.Id}");
            await Task.WhenAll(add, delete);

            delete.Result.AssertNoContent();
            Assert.True(add.Result.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)add.Result.StatusCode}: {await add.Result.Content.ReadAsStringAsync()}");
            var after = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
            Assert.Equal(0, after.GetProperty("products").GetArrayLength());
        }
    }

    [Fact]
    public async Task Adding_a_manager_to_a_store_while_the_store_is_deleted_is_200_or_404()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var store = await Given.Store().SaveAsync();

            var add = AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{User.Id}");
            var delete = AsAdmin.DeleteAsync($"/api/stores/{store.Id}");
            await Task.WhenAll(add, delete);

            delete.Result.AssertNoContent();
            Assert.True(add.Result.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)add.Result.StatusCode}: {await add.Result.Content.ReadAsStringAsync()}");
            await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertProblem(404);
        }
    }

    [Fact]
    public async Task Two_unconditional_edits_at_once_both_succeed_and_the_last_one_stays()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var store = await Given.Store().SaveAsync();

            var responses = await Task.WhenAll(
                AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { name = "First" }),
                AsAdmin.PutJsonAsync($"/api/stores/{store.Id}", new { city = "Second" }));

            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            var after = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
            Assert.Equal(("First", "Second"), (after.GetProperty("name").GetString(), after.GetProperty("city").GetString()));
        }
    }

    [Fact]
    public async Task Two_edits_of_the_same_version_at_once_are_200_then_412()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var store = await Given.Store().SaveAsync();
            var etag = (await AsUser.GetAsync($"/api/stores/{store.Id}")).Headers.ETag!.Tag;

            var responses = await Task.WhenAll(
                ConditionalPut($"/api/stores/{store.Id}", etag, new { name = "First" }),
                ConditionalPut($"/api/stores/{store.Id}", etag, new { name = "Second" }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(response => response.StatusCode).Order());
        }
    }

    private Task<HttpResponseMessage> ConditionalPut(string url, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: HttpAssertions.Json) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return AsAdmin.SendAsync(request);
    }

    private static Task<HttpResponseMessage[]> AtOnce(Func<Task<HttpResponseMessage>> send, int times) =>
        Task.WhenAll(Enumerable.Range(0, times).Select(_ => Task.Run(send)));
}

public sealed class RacesOnPostgresTests(PostgresApp postgres) : RaceTests(postgres.App);

public sealed class RacesOnSqliteTests(SqliteApp sqlite) : RaceTests(sqlite.App), IClassFixture<SqliteApp>;
