using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Testing;
using Overholt.Testing.Http;
using Overholt.Testing.Pages;

namespace Overholt.FunctionalTests.Security;

/// <summary>
/// A node forgets what it knew of an account once the change is committed: a request that reads the account while
/// the change is saved but not yet committed cannot leave the old state behind for another interval.
/// </summary>
public sealed class RevocationAfterCommitTests(PostgresApp postgres) : PostgresApiTest(postgres)
{
    [Fact]
    public async Task A_request_between_the_save_and_the_commit_of_a_deactivation_does_not_keep_the_token_alive()
    {
        var member = await Given.User().SaveAsync();
        var inBetween = new BeforeCommit();
        await using var node = new OverholtApp(App.Database, services: services => services.AddSingleton<IInterceptor>(inBetween));
        var token = await node.ClientForAsync(member);
        await (await token.GetAsync("/api/stores")).AssertOkList();
        using var admin = await node.BrowserFor(Admin);
        var form = (await admin.GetAsync($"/users/{member.Id}")).Form($"/users/{member.Id}/active");
        // The member's next request arrives while the deactivation is saved and not yet committed: it still sees the old state.
        inBetween.Run = () => token.GetAsync("/api/stores");

        await admin.SubmitAndFollowAsync(form);

        Assert.Equal(HttpStatusCode.OK, (await inBetween.Result!).StatusCode);
        await (await token.GetAsync("/api/stores")).AssertProblem(401);
    }

    /// <summary>Runs an action once, when the first transaction is about to commit, and lets the commit go on afterwards.</summary>
    private sealed class BeforeCommit : IDbTransactionInterceptor
    {
        public Func<Task<HttpResponseMessage>>? Run { get; set; }

        public Task<HttpResponseMessage>? Result { get; private set; }

        public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Run is not null && Result is null)
            {
                Result = Run();
                await Result;
            }

            return result;
        }
    }
}
