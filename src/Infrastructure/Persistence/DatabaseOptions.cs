namespace Overholt.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section; the connection string is <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (on by default; turn off when a deployment step migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Keep catalogue reads in each node's memory, dropped on PostgreSQL's change notifications (PostgreSQL only). Turn
    /// off when nodes reach the database through a proxy that pools connections per transaction (PgBouncer in
    /// transaction mode), which does not deliver notifications.
    /// </summary>
    public bool CatalogueCache { get; set; } = true;
}
