using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Overholt.Domain.Categories;
using Overholt.Domain.Primitives;
using Overholt.Domain.Products;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.History;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// The one database: the retail model and ASP.NET Core Identity side by side. Each provider has a subclass
/// (<see cref="SqliteOverholtDbContext"/>, <see cref="PostgresOverholtDbContext"/>) that owns its migrations.
/// </summary>
public abstract class OverholtDbContext : IdentityDbContext<ApplicationUser, ApplicationRole, int>, IDataProtectionKeyContext
{
    protected OverholtDbContext(DbContextOptions options)
        : base(options)
    {
        // A failed save rolls the whole command back (UnitOfWork), so EF's savepoint around each save inside the
        // transaction would only cost two round trips per write. Set here, it holds for every lease of a pooled
        // context: the pool restores what the constructor left (a test on a reused context keeps it so).
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>The keys that protect cookies, bearer tokens and antiforgery tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Category> Categories => Set<Category>();

    /// <summary>How many changed rows a save may hold to be sent as one command: well below Npgsql's batch size.</summary>
    private const int MaxStatementsInOneBatch = 100;

    /// <summary>Where the command running on this context is in its saves (<see cref="UnitOfWork"/>); none outside a command.</summary>
    internal CommandSaves Saves { get; set; }

    private readonly Dictionary<object, object> _interceptorState = [];

    /// <summary>
    /// What a save interceptor keeps about this context's save or transaction in progress: one object per interceptor,
    /// made on first use and kept with the (pooled) context. Kept here rather than in a weak table keyed by the context
    /// or its transaction: every entry of such a table is a GC handle, and one added per save left each collection more
    /// of them to scan. Each interceptor notes which save or transaction its object speaks for, so nothing a context
    /// carries from an earlier lease is taken for the current one's.
    /// </summary>
    internal TState InterceptorState<TState>(object interceptor)
        where TState : class, new()
    {
        if (!_interceptorState.TryGetValue(interceptor, out var state))
            _interceptorState[interceptor] = state = new TState();
        return (TState)state;
    }

    /// <summary>
    /// Inside a command, a save that may not be its last begins the command's transaction, so that what the command
    /// saves later commits with it. The last save needs none of its own: EF wraps it in its implicit transaction when
    /// it has more than one statement, and a single statement commits alone, in one round trip. A save that creates a
    /// resource whose id the insert returns is followed by its history entry, which needs that id
    /// (<see cref="HistoryInterceptor"/>): both are saved in one transaction of their own.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here. Every later look at the tracker (the checks below, the history and outbox
        // interceptors, EF's own save) would otherwise detect them again, each pass walking every tracked entry.
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (!ChangeTracker.HasChanges())
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Saves is CommandSaves.Done)
            throw new InvalidOperationException("A command changed data after its last save (IRepository.AddAsync and DeleteAsync end a command's writes).");
        if (Database.CurrentTransaction is not null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Saves is CommandSaves.Open)
        {
            await Database.BeginTransactionAsync(cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (TrackedChanges.CreatesResourceAwaitingId(this))
            return await SaveWithFollowingEntriesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Saves is CommandSaves.None)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var saved = await CommittingSaveAsync(acceptAllChangesOnSuccess, cancellationToken);
        Saves = CommandSaves.Done;
        return saved;
    }

    /// <summary>The command's last save, made outside a transaction of the app's: it commits as it ends.</summary>
    internal Task<int> SaveLastAsync(CancellationToken cancellationToken)
    {
        if (Saves is CommandSaves.Open)
            Saves = CommandSaves.Last;
        return SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A save that commits as it ends. The connection is opened first: failing to connect sends nothing, so the command
    /// may be run again. A failure the database reported (a conflict, a shutdown, SQLite busy) rolled the save back; any
    /// other (a connection lost, a timeout) may have come after the commit, so the command is never run again.
    /// PostgreSQL runs the statements of one command (one batch, ended by one Sync) in one implicit transaction, all or
    /// none: a save of new rows EF sends as one command (<see cref="IsOneBatchOfInserts"/>) needs no BEGIN and COMMIT of
    /// EF's, and costs one round trip. A save that updates or deletes keeps EF's transaction: an UPDATE or DELETE that
    /// matches no row (another edit moved the version first) is no error to PostgreSQL, which would commit the rest of
    /// the batch (the change's history entry, its links) before EF counts the rows and refuses the save. SQLite runs a
    /// command's statements one by one, so there EF's own transaction stays.
    /// </summary>
    private async Task<int> CommittingSaveAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        if (this is PostgresOverholtDbContext && IsOneBatchOfInserts()) // by type: Database.IsNpgsql() reads the provider's assembly name
            Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (Exception exception) when (TransientFailure.Is(exception) && !TransientFailure.IsReportedByDatabase(exception))
        {
            throw new CommitUncertainException(exception);
        }
        finally
        {
            Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
            await Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Whether the save only adds rows and EF sends it as one command: few statements (far below the provider's batch
    /// size), and no row added whose new key another row of the save needs (EF would read the key back before sending
    /// the next batch). The history entries the save adds are among the few. An insert fails only with an error of the
    /// database's, which ends the whole command.
    /// </summary>
    private bool IsOneBatchOfInserts()
    {
        var added = 0;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                return false;
            if (entry.State is not EntityState.Added)
                continue;
            if (++added > MaxStatementsInOneBatch)
                return false;
            if (entry.Properties.Any(property => property.IsTemporary) && entry.Metadata.GetReferencingForeignKeys().Any())
                return false;
        }

        return true;
    }

    /// <summary>
    /// A save and the history entries that follow it, in one transaction committed here. Inside a command, a failure
    /// runs the command again whole (<see cref="UnitOfWork"/>); outside one it is not retried, since the entries it
    /// added would be added again.
    /// </summary>
    private async Task<int> SaveWithFollowingEntriesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        using var once = Saves is CommandSaves.None ? OverholtExecutionStrategy.WithoutRetries() : null;
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: this, Accept: acceptAllChangesOnSuccess),
            static async (_, state, token) =>
            {
                await using var transaction = await state.Db.Database.BeginTransactionAsync(token);
                var count = await state.Db.SaveTrackedChangesAsync(state.Accept, token);
                try
                {
                    await transaction.CommitAsync(token);
                }
                catch (Exception exception) when (TransientFailure.Is(exception))
                {
                    throw new CommitUncertainException(exception);
                }

                return count;
            },
            verifySucceeded: null,
            cancellationToken);
        if (Saves is CommandSaves.Last)
            Saves = CommandSaves.Done;
        return saved;
    }

    private Task<int> SaveTrackedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>
    /// The synchronous save, which the app's own code does not call (the data-protection key ring stores its keys with
    /// it). It keeps the asynchronous save's promise that a creation and the history entry that follows it commit
    /// together, and is never retried, since the entries it added would be added again.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || !TrackedChanges.CreatesResourceAwaitingId(this))
            return base.SaveChanges(acceptAllChangesOnSuccess);
        using var once = OverholtExecutionStrategy.WithoutRetries();
        return Database.CreateExecutionStrategy().Execute(
            (Db: this, Accept: acceptAllChangesOnSuccess),
            static (_, state) =>
            {
                using var transaction = state.Db.Database.BeginTransaction();
                var count = state.Db.SaveTrackedChanges(state.Accept);
                transaction.Commit();
                return count;
            },
            verifySucceeded: null);
    }

    private int SaveTrackedChanges(bool acceptAllChangesOnSuccess) => base.SaveChanges(acceptAllChangesOnSuccess);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OverholtDbContext).Assembly);

        // Optimistic concurrency: a save based on an older version of an aggregate matches no row and is refused.
        foreach (var aggregate in builder.Model.GetEntityTypes().Where(type => typeof(Entity).IsAssignableFrom(type.ClrType)).ToList())
            builder.Entity(aggregate.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();

        // The original's table names, in snake_case (the naming convention does the columns).
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<ApplicationRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<int>>().ToTable("roles_users");
        builder.Entity<IdentityUserClaim<int>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<int>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<int>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<int>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}

/// <summary>How far a command has got in its saves.</summary>
internal enum CommandSaves
{
    /// <summary>No command is running: each save is on its own.</summary>
    None,

    /// <summary>A command runs, and more saves may follow.</summary>
    Open,

    /// <summary>The command's last save is being made.</summary>
    Last,

    /// <summary>The last save has committed: a further change would not commit with the command.</summary>
    Done,
}
