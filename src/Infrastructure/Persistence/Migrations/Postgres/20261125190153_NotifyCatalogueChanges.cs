using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Every commit that changes the catalogue notifies channel <c>catalogue_changed</c>, whoever commits it (any node,
    /// the management commands, psql): each node's catalogue cache listens and drops its answers.
    /// Users matter for their email (a store shows its managers') and their deletion.
    /// </summary>
    public partial class NotifyCatalogueChanges : Migration
    {
        private static readonly string[] Tables = ["categories", "products", "products_categories", "stores", "stores_products", "stores_managers"];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('catalogue_changed', '');
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var table in Tables)
                migrationBuilder.Sql($"CREATE TRIGGER catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();");
            migrationBuilder.Sql("CREATE TRIGGER catalogue_changed AFTER DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();");
            migrationBuilder.Sql("CREATE TRIGGER catalogue_email_changed AFTER UPDATE OF email ON users FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION notify_catalogue_changed();");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER catalogue_email_changed ON users;");
            migrationBuilder.Sql("DROP TRIGGER catalogue_changed ON users;");
            foreach (var table in Tables)
                migrationBuilder.Sql($"DROP TRIGGER catalogue_changed ON {table};");
            migrationBuilder.Sql("DROP FUNCTION notify_catalogue_changed();");
        }
    }
}
