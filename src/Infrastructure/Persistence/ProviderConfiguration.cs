using Microsoft.EntityFrameworkCore;

namespace Overholt.Infrastructure.Persistence;

/// <summary>How each provider is set up, shared by the app and the design-time factories.</summary>
public static class ProviderConfiguration
{
    public static DbContextOptionsBuilder UseOverholtSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseOverholtPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, postgres => postgres.MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseSnakeCaseNamingConvention();
}
