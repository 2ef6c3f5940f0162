using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The catalogue's triggers fire whatever the writing session's <c>session_replication_role</c>: enabled
    /// <c>ALWAYS</c>, a write under <c>replica</c> (logical replication's apply, some restores) notifies too. And each
    /// node's heartbeat row, whose trigger notifies <c>catalogue_changed</c> with <c>beat:NODE:N</c>, so that a node
    /// can see its own write come back the way a change to the catalogue does (<c>CatalogueHeartbeat</c>).
    /// </summary>
    public partial class AlwaysNotifyCatalogueChanges : Migration
    {
        private static readonly string[] Tables = ["categories", "products", "products_categories", "stores", "stores_products", "stores_managers", "users"];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.Sql($"ALTER TABLE {table} ENABLE ALWAYS TRIGGER catalogue_changed;");
            migrationBuilder.Sql("ALTER TABLE users ENABLE ALWAYS TRIGGER catalogue_email_changed;");

            migrationBuilder.Sql("CREATE TABLE catalogue_heartbeats (node text PRIMARY KEY, beat bigint NOT NULL, beaten_at timestamptz NOT NULL);");
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_catalogue_heartbeat() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('catalogue_changed', 'beat:' || NEW.node || ':' || NEW.beat);
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER catalogue_heartbeat AFTER INSERT OR UPDATE ON catalogue_heartbeats FOR EACH ROW EXECUTE FUNCTION notify_catalogue_heartbeat();");
            migrationBuilder.Sql("ALTER TABLE catalogue_heartbeats ENABLE ALWAYS TRIGGER catalogue_heartbeat;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE catalogue_heartbeats;");
            migrationBuilder.Sql("DROP FUNCTION notify_catalogue_heartbeat();");
            migrationBuilder.Sql("ALTER TABLE users ENABLE TRIGGER catalogue_email_changed;");
            foreach (var table in Tables)
                migrationBuilder.Sql($"ALTER TABLE {table} ENABLE TRIGGER catalogue_changed;");
        }
    }
}
