using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Overholt.Domain.Users;
using Overholt.Infrastructure.Identity;

namespace Overholt.Infrastructure.Persistence;

/// <summary>Brings the database up to date at start-up: migrations, the roles, and the bootstrap admin.</summary>
public sealed partial class DatabaseInitializer(
    OverholtDbContext db,
    RoleManager<ApplicationRole> roles,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<SeedOptions> seedOptions,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (databaseOptions.Value.MigrateOnStartup)
        {
            await UseWriteAheadLogAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await SeedReferenceDataAsync();
    }

    /// <summary>The deployment step (<c>db migrate</c>): applies pending migrations and the reference rows; returns the migrations applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await UseWriteAheadLogAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await SeedReferenceDataAsync();
        return pending;
    }

    /// <summary>
    /// An SQLite file keeps a write-ahead log (the setting stays with the file): readers no longer wait for a writer's
    /// commit, nor a writer for readers to finish.
    /// </summary>
    private async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
    }

    /// <summary>Rows the app cannot run without (the roles), then the configured admin. Safe to run again.</summary>
    public async Task SeedReferenceDataAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                EnsureSucceeded(await roles.CreateAsync(new ApplicationRole(role)), $"create role {role}");
        }

        var seed = seedOptions.Value;
        if (string.IsNullOrWhiteSpace(seed.AdminEmail) || string.IsNullOrWhiteSpace(seed.AdminPassword))
            return;
        if (await users.FindByEmailAsync(seed.AdminEmail) is not null)
            return;

        var admin = new ApplicationUser
        {
            UserName = seed.AdminEmail,
            Email = seed.AdminEmail,
            RegisteredAt = clock.GetUtcNow(),
            ConfirmedAt = clock.GetUtcNow(),
            EmailConfirmed = true,
        };
        EnsureSucceeded(await users.CreateAsync(admin, seed.AdminPassword), $"create the admin {seed.AdminEmail}");
        EnsureSucceeded(await users.AddToRoleAsync(admin, Roles.Admin), $"make {seed.AdminEmail} an admin");
        LogAdminCreated(seed.AdminEmail);
    }

    private static void EnsureSucceeded(IdentityResult result, string action)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {action}: {string.Join(" ", result.Errors.Select(error => error.Description))}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the admin user {Email} from the Seed configuration")]
    private partial void LogAdminCreated(string email);
}
