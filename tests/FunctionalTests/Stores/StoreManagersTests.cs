using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Stores;

public sealed class StoreManagersTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task Listing_a_stores_managers_returns_users()
    {
        var store = await Given.Store().WithManager(User).WithManager(Admin).SaveAsync();

        var body = await (await AsUser.GetAsync($"/api/stores/{store.Id}/managers")).AssertOkList();

        Assert.Equal([Admin.Email, User.Email], body.GetProperty("data").EnumerateArray().Select(user => user.GetProperty("email").GetString()));
    }

    [Fact]
    public async Task A_stores_managers_are_listed_by_email_not_by_id()
    {
        var zed = await Given.User("zed@example.com").SaveAsync();
        var amy = await Given.User("amy@example.com").SaveAsync(); // created later: a higher id, an earlier email
        var store = await Given.Store().WithManager(zed).WithManager(amy).SaveAsync();

        var body = await (await AsUser.GetAsync($"/api/stores/{store.Id}/managers")).AssertOkList();

        Assert.Equal([amy.Id, zed.Id], body.GetProperty("data").Ids());
    }

    [Fact]
    public async Task Adding_a_manager_returns_200_with_the_store()
    {
        var store = await Given.Store().SaveAsync();

        var data = await (await AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{User.Id}")).AssertOkJson();

        Assert.Equal(User.Email, data.GetProperty("managers")[0].GetProperty("email").GetString());
    }

    [Fact]
    public async Task Adding_an_existing_manager_is_a_bad_request()
    {
        var store = await Given.Store().WithManager(Admin).SaveAsync();

        await (await AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/{Admin.Id}")).AssertProblem(400, error: "Manager exists");
    }

    [Fact]
    public async Task Removing_a_manager_returns_204()
    {
        var store = await Given.Store().WithManager(User).SaveAsync();

        (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}/managers/{User.Id}")).AssertNoContent();

        var body = await (await AsUser.GetAsync($"/api/stores/{store.Id}/managers")).AssertOkList();
        Assert.Equal(0, body.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Removing_a_user_who_is_not_a_manager_is_a_400_invalid_manager()
    {
        var store = await Given.Store().SaveAsync();

        await (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}/managers/{User.Id}")).AssertProblem(400, error: "Invalid manager");
    }

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        var store = await Given.Store().SaveAsync();

        await (await AsAdmin.PutAsync($"/api/stores/{store.Id}/managers/999")).AssertProblem(404, error: "Not found");
        await (await AsAdmin.DeleteAsync($"/api/stores/{store.Id}/managers/999")).AssertProblem(404, error: "Not found");
    }

    [Fact]
    public async Task Only_admins_choose_managers_not_even_a_stores_own_managers()
    {
        var colleague = await Given.User().SaveAsync();
        var store = await Given.Store().WithManager(User).SaveAsync();

        await (await AsUser.PutAsync($"/api/stores/{store.Id}/managers/{colleague.Id}")).AssertProblem(403);
        await (await AsUser.DeleteAsync($"/api/stores/{store.Id}/managers/{User.Id}")).AssertProblem(403);

        var body = await (await AsUser.GetAsync($"/api/stores/{store.Id}/managers")).AssertOkList();
        Assert.Equal([User.Id], body.GetProperty("data").Ids());
    }
}
