using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The catalogue's notifications say what changed, so that each node drops only the answers that can show it
    /// (<c>CatalogueTables.Parse</c>): <c>TABLE:ID,ID,...</c> for the rows an insert, update or delete changed (ids of the
    /// column naming what they are part of: a product's categories are the product's, a store's products and managers
    /// the store's), or <c>TABLE</c> alone when the rows are not named: a truncate, a user's email changed or deleted,
    /// or more than 700 rows in one statement (a payload is at most 8,000 bytes: 700 ids of 10 digits fit, with the
    /// table's name). Statement-level triggers with transition tables, one per kind of write (PostgreSQL allows
    /// transition tables only on a trigger of one event), all enabled <c>ALWAYS</c>; <c>catalogue_changed</c> stays for
    /// truncates. The heartbeat's trigger is unchanged.
    /// </summary>
    public partial class NotifyCatalogueChangedRows : Migration
    {
        /// <summary>
        /// The end of a row trigger's function, once <c>found</c> (at most 701) and <c>ids</c> are read: the table and its
        /// ids, or the table alone when they would not fit in a payload.
        /// </summary>
        internal const string NotifyFoundIds = """
            IF found = 0 THEN
                RETURN NULL;
            ELSIF found > 700 OR length(ids) > 7900 THEN
                PERFORM pg_notify('catalogue_changed', TG_TABLE_NAME);
            ELSE
                PERFORM pg_notify('catalogue_changed', TG_TABLE_NAME || ':' || ids);
            END IF;
            RETURN NULL;
            """;

        /// <summary>TG_ARGV[0]: the column that names what each row is part of. At most 701 ids are read: more is "the table".</summary>
        internal const string NotifyRowsFunction = $"""
                CREATE FUNCTION notify_catalogue_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    changed text;
                    ids text;
                    found bigint;
                BEGIN
                    changed := CASE TG_OP
                        WHEN 'INSERT' THEN format('SELECT %I AS id FROM new_rows', TG_ARGV[0])
                        WHEN 'DELETE' THEN format('SELECT %I AS id FROM old_rows', TG_ARGV[0])
                        ELSE format('SELECT %1$I AS id FROM old_rows UNION ALL SELECT %1$I FROM new_rows', TG_ARGV[0])
                    END;
                    EXECUTE format('SELECT count(*), string_agg(id::text, '','') FROM (SELECT DISTINCT id FROM (%s) rows LIMIT 701) named', changed)
                        INTO found, ids;
                    {NotifyFoundIds}
                END
                $$;
            """;

        internal static readonly (string Table, string Column)[] Tables =
        [
            ("categories", "id"), ("products", "id"), ("products_categories", "product_id"),
            ("stores", "id"), ("stores_products", "store_id"), ("stores_managers", "store_id"),
        ];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('catalogue_changed', TG_TABLE_NAME);
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql(NotifyRowsFunction);
            foreach (var (table, column) in Tables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER catalogue_changed ON {table};
                    CREATE TRIGGER catalogue_changed AFTER TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
                    ALTER TABLE {table} ENABLE ALWAYS TRIGGER catalogue_changed;
                    {RowTriggers(table, $"notify_catalogue_rows('{column}')")}
                    """);
            }
        }

        /// <summary>The insert, update and delete triggers of <paramref name="table"/>, each calling <paramref name="function"/>, enabled <c>ALWAYS</c>.</summary>
        internal static string RowTriggers(string table, string function) => $"""
            CREATE TRIGGER catalogue_rows_inserted AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function};
            CREATE TRIGGER catalogue_rows_updated AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function};
            CREATE TRIGGER catalogue_rows_deleted AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function};
            ALTER TABLE {table} ENABLE ALWAYS TRIGGER catalogue_rows_inserted;
            ALTER TABLE {table} ENABLE ALWAYS TRIGGER catalogue_rows_updated;
            ALTER TABLE {table} ENABLE ALWAYS TRIGGER catalogue_rows_deleted;
            """;

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in Tables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER catalogue_rows_deleted ON {table};
                    DROP TRIGGER catalogue_rows_updated ON {table};
                    DROP TRIGGER catalogue_rows_inserted ON {table};
                    DROP TRIGGER catalogue_changed ON {table};
                    CREATE TRIGGER catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
                    ALTER TABLE {table} ENABLE ALWAYS TRIGGER catalogue_changed;
                    """);
            }

            migrationBuilder.Sql("DROP FUNCTION notify_catalogue_rows();");
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('catalogue_changed', '');
                    RETURN NULL;
                END
                $$;
                """);
        }
    }
}
