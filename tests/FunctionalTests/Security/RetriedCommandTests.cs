using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Domain.Stores;
using Overholt.Testing;
using Overholt.Testing.Http;

namespace Overholt.FunctionalTests.Security;

/// <summary>A command run again after losing a race is authorized again on what it meets, not on what it met first.</summary>
public sealed class RetriedCommandTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task A_manager_removed_while_their_update_is_in_flight_gets_403_and_the_store_is_unchanged()
    {
        var manager = await Given.User().SaveAsync();
        var store = await Given.Store("Before").WithManager(manager).SaveAsync();
        var removal = new BeforeFirstStoreSave();
        await using var node = new OverholtApp(App.Database, services: services => services.AddSingleton<IInterceptor>(removal));
        using var asManager = node.CreateClient();
        asManager.DefaultRequestHeaders.Authorization = new("Bearer", await Authentication.LoginAsync(node.CreateClient(), manager.Email, manager.Password));
        // The manager's update has been authorized and is about to save when an admin removes them from the store.
        removal.Run = () => AsAdmin.DeleteAsync($"/api/stores/{store.Id}/managers/{manager.Id}");

        var response = await asManager.PutJsonAsync($"/api/stores/{store.Id}", new { name = "After" });

        await response.AssertProblem(403);
        var removed = await removal.Result!;
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var now = await (await AsUser.GetAsync($"/api/stores/{store.Id}")).AssertOkJson();
        Assert.Equal("Before", now.GetProperty("name").GetString());
        Assert.Equal(0, now.GetProperty("managers").GetArrayLength());
    }

    /// <summary>Runs an action once, when a command first saves a changed store, and lets the save go on afterwards.</summary>
    private sealed class BeforeFirstStoreSave : SaveChangesInterceptor
    {
        public Func<Task<HttpResponseMessage>>? Run { get; set; }

        public Task<HttpResponseMessage>? Result { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Run is not null && Result is null && eventData.Context!.ChangeTracker.Entries<Store>().Any(entry => entry.State == EntityState.Modified))
            {
                Result = Run();
                await Result;
            }

            return result;
        }
    }
}
