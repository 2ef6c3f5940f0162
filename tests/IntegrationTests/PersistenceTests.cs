using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Overholt.Application.Categories.Specifications;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Stores.Specifications;
using Overholt.Domain.Categories;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Messaging;
using Overholt.Infrastructure.Persistence;
using Overholt.Testing;

namespace Overholt.IntegrationTests;

/// <summary>The repository, specification evaluator and unit of work against a real database; run on each provider below.</summary>
public abstract class PersistenceTests(OverholtApp app) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Include_loads_the_collections_a_specification_names()
    {
        var saved = await app.Given.Store().WithProducts(2).WithManager(app.User).SaveAsync();

        var store = await InScope((IRepository<Store> stores) => stores.FirstOrDefaultAsync(new StoreWithMembersSpec(saved.Id)));

        Assert.Equal(2, store!.Products.Count);
        Assert.True(store.IsManagedBy(app.User.Id));
    }

    [Fact]
    public async Task Search_matches_with_like_and_paging_counts_all_matches()
    {
        await app.Given.Category("Fresh fruit").SaveAsync();
        await app.Given.Category("Dried fruit").SaveAsync();
        await app.Given.Category("Bread").SaveAsync();

        var page = await InScope((IReadRepository<Category> categories) =>
            categories.ProjectToPageAsync<Application.Categories.CategoryDto>(new CategoriesInOrderSpec("fruit"), new PageRequest(1, 1)));

        Assert.Equal(2, page.Total);
        Assert.Equal("Dried fruit", Assert.Single(page.Items).Name);
    }

    [Fact]
    public async Task A_failing_command_rolls_back_every_save_it_made()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => InScope(async (IUnitOfWork unitOfWork, OverholtDbContext db) =>
            await unitOfWork.ExecuteAsync<int>(async token =>
            {
                db.Add(new Category("Saved, then rolled back"));
                await db.SaveChangesAsync(token);
                throw new InvalidOperationException("the handler failed after saving");
            }, CancellationToken.None)));

        Assert.Equal(0, await InScope((IReadRepository<Category> categories) => categories.CountAsync()));
    }

    [Fact]
    public async Task A_command_that_saves_once_begins_nothing_before_it_and_one_that_saves_twice_has_one_transaction()
    {
        app.Statements.Reset();
        await InScope(async (IUnitOfWork unitOfWork, IRepository<Category> categories) =>
            await unitOfWork.ExecuteAsync(async token => (await categories.AddAsync(new Category("Fresh fruit"), token)).Id, CancellationToken.None));

        // New rows and their history entries: one command on PostgreSQL, which runs a command's statements all or none
        // (the id came before, in a block); on SQLite the insert, then its entry with the id it returned, in a transaction.
        Assert.Equal(NewRows(), app.Statements.Sent.Where(statement => !statement.Sql.Contains("nextval(", StringComparison.Ordinal)).Select(statement => FirstWord(statement.Sql)));

        var saved = await app.Given.Category("Fruit").SaveAsync();
        app.Statements.Reset();
        await InScope(async (IUnitOfWork unitOfWork, IRepository<Category> categories) =>
            await unitOfWork.ExecuteAsync(async token =>
            {
                (await categories.GetByIdAsync(saved.Id, token))!.ChangeDetails(name: "Dried fruit");
                return 0;
            }, CancellationToken.None));

        // The update and its history entry, in EF's own transaction (an update that matches no row is no error to
        // PostgreSQL, which would commit the entry): one command on PostgreSQL, statement by statement on SQLite.
        // Nothing begun before the read.
        Assert.Equal(OneSave("UPDATE", "INSERT"), app.Statements.Sent.Select(statement => FirstWord(statement.Sql)));

        app.Statements.Reset();
        await InScope(async (IUnitOfWork unitOfWork, OverholtDbContext db) =>
            await unitOfWork.ExecuteAsync(async token =>
            {
                db.Find<Category>(saved.Id)!.ChangeDetails(description: "Saved first");
                await db.SaveChangesAsync(token);
                db.Find<Category>(saved.Id)!.ChangeDetails(description: "Saved second");
                return 0;
            }, CancellationToken.None));

        var words = app.Statements.Sent.Select(statement => FirstWord(statement.Sql)).ToList();
        Assert.Equal(1, words.Count(word => word == "BEGIN"));
        Assert.Equal("COMMIT", Assert.Single(words, word => word == "COMMIT"));
        Assert.Equal("COMMIT", words[^1]);
    }

    [Fact]
    public async Task A_command_that_changes_data_after_its_last_save_fails_and_changes_nothing_more()
    {
        var saved = await app.Given.Category("Kept").SaveAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => InScope(async (IUnitOfWork unitOfWork, IRepository<Category> categories) =>
            await unitOfWork.ExecuteAsync(async token =>
            {
                await categories.AddAsync(new Category("Added last"), token);
                (await categories.GetByIdAsync(saved.Id, token))!.ChangeDetails(name: "Renamed after the last save");
                return 0;
            }, CancellationToken.None)));

        var names = await InScope((OverholtDbContext db) => db.Set<Category>().OrderBy(category => category.Id).Select(category => category.Name).ToListAsync());
        Assert.Equal(["Kept", "Added last"], names);
    }

    [Fact]
    public async Task A_unique_violation_in_the_database_becomes_a_conflict()
    {
        await app.Given.Category("Fruit").SaveAsync();

        await Assert.ThrowsAsync<ConflictException>(() => InScope(async (IUnitOfWork unitOfWork, IRepository<Category> categories) =>
            await unitOfWork.ExecuteAsync(async token => (await categories.AddAsync(new Category("Fruit"), token)).Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Deleting_a_store_cascades_to_its_join_rows()
    {
        var saved = await app.Given.Store().WithProducts(1).WithManager(app.User).SaveAsync();

        await InScope(async (IRepository<Store> stores) =>
        {
            await stores.DeleteAsync((await stores.GetByIdAsync(saved.Id))!);
            return saved.Id;
        });

        var remaining = await InScope(async (OverholtDbContext db) =>
            await db.Set<StoreProduct>().CountAsync() + await db.Set<StoreManager>().CountAsync());
        Assert.Equal(0, remaining);
    }

    [Fact]
    public async Task A_command_that_fails_after_raising_an_event_leaves_no_outbox_message()
    {
        var saved = await app.Given.Store().SaveAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => InScope(async (IUnitOfWork unitOfWork, OverholtDbContext db) =>
            await unitOfWork.ExecuteAsync<int>(async token =>
            {
                var store = await db.Set<Store>().Include(store => store.Managers).SingleAsync(store => store.Id == saved.Id, token);
                store.AddManager(app.User.Id);
                await db.SaveChangesAsync(token);
                throw new InvalidOperationException("the handler failed after the event was saved");
            }, CancellationToken.None)));

        Assert.Equal(0, await InScope((OverholtDbContext db) => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_committed_command_leaves_exactly_one_outbox_message_with_its_event()
    {
        var saved = await app.Given.Store().SaveAsync();

        await InScope(async (IUnitOfWork unitOfWork, IRepository<Store> stores) =>
            await unitOfWork.ExecuteAsync(async token =>
            {
                (await stores.FirstOrDefaultAsync(new StoreWithMembersSpec(saved.Id), token))!.AddManager(app.User.Id);
                return 0;
            }, CancellationToken.None));

        var message = Assert.Single(await InScope((OverholtDbContext db) => db.Set<OutboxMessage>().ToListAsync()));
        Assert.Equal(new ManagerAdded(saved.Id, app.User.Id), message.ReadEvent());
        Assert.Null(message.DispatchedAt);
    }

    [Fact]
    public async Task A_transient_failure_runs_the_whole_command_again_and_it_commits_once()
    {
        var attempts = 0;

        await InScope(async (IUnitOfWork unitOfWork, OverholtDbContext db) =>
            await unitOfWork.ExecuteAsync(async token =>
            {
                db.Add(new Category($"Saved on attempt {++attempts}"));
                await db.SaveChangesAsync(token);
                if (attempts == 1)
                    throw Transient();
                return 0;
            }, CancellationToken.None));

        Assert.Equal(2, attempts);
        var saved = Assert.Single(await InScope((OverholtDbContext db) => db.Set<Category>().ToListAsync()));
        Assert.Equal("Saved on attempt 2", saved.Name);
    }

    [Fact]
    public async Task A_failure_while_committing_is_never_run_again()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<CommitUncertainException>(() => InScope(async (IUnitOfWork unitOfWork, IRepository<Category> categories) =>
            await unitOfWork.ExecuteAsync<int>(async token =>
            {
                attempts++;
                await categories.AddAsync(new Category("Maybe saved"), token);
                throw new CommitUncertainException(Transient());
            }, CancellationToken.None)));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A_transient_failure_after_the_last_save_committed_is_never_run_again()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<CommitUncertainException>(() => InScope(async (IUnitOfWork unitOfWork, IRepository<Category> categories) =>
            await unitOfWork.ExecuteAsync<int>(async token =>
            {
                attempts++;
                await categories.AddAsync(new Category("Saved once"), token);
                throw Transient();
            }, CancellationToken.None)));

        Assert.Equal(1, attempts);
        Assert.Equal("Saved once", Assert.Single(await InScope((OverholtDbContext db) => db.Set<Category>().ToListAsync())).Name);
    }

    [Fact]
    public async Task A_reused_pooled_context_saves_twice_in_a_command_without_a_savepoint()
    {
        async Task<OverholtDbContext> CommandSavingTwice(bool savepointsForThisLease) =>
            await InScope(async (IUnitOfWork unitOfWork, OverholtDbContext db) =>
            {
                if (savepointsForThisLease)
                    db.Database.AutoSavepointsEnabled = true;
                await unitOfWork.ExecuteAsync(async token =>
                {
                    db.Add(new Category($"First {Guid.NewGuid():N}"));
                    await db.SaveChangesAsync(token);
                    db.Add(new Category($"Second {Guid.NewGuid():N}"));
                    await db.SaveChangesAsync(token);
                    return 0;
                }, CancellationToken.None);
                return db;
            });

        // The counter sees a savepoint when there is one: a lease that turns them on makes one.
        var turnedOn = await CommandSavingTwice(savepointsForThisLease: true);
        Assert.Contains(app.Statements.Sent, statement => statement.Sql.StartsWith("SAVEPOINT", StringComparison.Ordinal));
        app.Statements.Reset();

        // The pool hands its contexts out in turn: lease until that same context comes back.
        OverholtDbContext leased;
        var leases = 0;
        do
            leased = await CommandSavingTwice(savepointsForThisLease: false);
        while (!ReferenceEquals(leased, turnedOn) && ++leases < 100);

        Assert.Same(turnedOn, leased);
        Assert.DoesNotContain(app.Statements.Sent, statement => statement.Sql.StartsWith("SAVEPOINT", StringComparison.Ordinal));
    }

    /// <summary>What a read and then one save of <paramref name="statements"/> send: one command on PostgreSQL, a transaction of commands on SQLite.</summary>
    private string[] OneSave(params string[] statements) => app.Database.Provider == DatabaseProvider.Postgres
        ? ["SELECT", "BEGIN", statements[0], "COMMIT"]
        : ["SELECT", "BEGIN", .. statements, "COMMIT"];

    private string[] NewRows() => app.Database.Provider == DatabaseProvider.Postgres ? ["INSERT"] : ["BEGIN", "INSERT", "INSERT", "COMMIT"];

    private static string FirstWord(string sql) => sql.TrimStart().Split([' ', '\n', '\r', ';'], 2)[0];

    /// <summary>What each provider says when the database cannot answer just then.</summary>
    private Exception Transient() => app.Database.Provider == DatabaseProvider.Postgres
        ? new Npgsql.PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", Npgsql.PostgresErrorCodes.AdminShutdown)
        : new Microsoft.Data.Sqlite.SqliteException("database is locked", 5);

    private async Task<TResult> InScope<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<TResult> InScope<TFirst, TSecond, TResult>(Func<TFirst, TSecond, Task<TResult>> work)
        where TFirst : notnull
        where TSecond : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TFirst>(), scope.ServiceProvider.GetRequiredService<TSecond>());
    }

    private sealed record PageRequest(int Page, int PageSize) : Application.Paging.IPagedRequest;
}

public sealed class PostgresPersistenceTests(PostgresApp postgres) : PersistenceTests(postgres.App);

public sealed class SqlitePersistenceTests(SqliteApp sqlite) : PersistenceTests(sqlite.App), IClassFixture<SqliteApp>;
