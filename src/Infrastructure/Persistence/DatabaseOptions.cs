namespace Overholt.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section; the connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (on by default; turn off when a deployment step migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
