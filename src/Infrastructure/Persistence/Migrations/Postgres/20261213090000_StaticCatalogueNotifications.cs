using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The catalogue's row triggers (<see cref="NotifyCatalogueChangedRows"/>) call a function per key column with its
    /// statements written out, instead of one function that formats them from its argument and runs them with
    /// <c>EXECUTE</c>: PL/pgSQL keeps the plan of a written-out statement, where <c>EXECUTE</c> parses and plans it again
    /// for every catalogue write. Same notifications, same payloads.
    /// </summary>
    public partial class StaticCatalogueNotifications : Migration
    {
        /// <summary>The row triggers' function for tables whose rows are named by <paramref name="column"/>.</summary>
        private static string Function(string column) => $"notify_catalogue_rows_by_{column}";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var column in NotifyCatalogueChangedRows.Tables.Select(table => table.Column).Distinct())
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION {Function(column)}() RETURNS trigger LANGUAGE plpgsql AS $$
                    DECLARE
                        ids text;
                        found bigint;
                    BEGIN
                        IF TG_OP = 'INSERT' THEN
                            SELECT count(*), string_agg(id::text, ',') INTO found, ids
                            FROM (SELECT DISTINCT {column} AS id FROM new_rows LIMIT 701) named;
                        ELSIF TG_OP = 'DELETE' THEN
                            SELECT count(*), string_agg(id::text, ',') INTO found, ids
                            FROM (SELECT DISTINCT {column} AS id FROM old_rows LIMIT 701) named;
                        ELSE
                            SELECT count(*), string_agg(id::text, ',') INTO found, ids
                            FROM (SELECT DISTINCT id FROM (SELECT {column} AS id FROM old_rows UNION ALL SELECT {column} FROM new_rows) rows LIMIT 701) named;
                        END IF;
                        {NotifyCatalogueChangedRows.NotifyFoundIds}
                    END
                    $$;
                    """);
            }

            foreach (var (table, column) in NotifyCatalogueChangedRows.Tables)
                migrationBuilder.Sql(DropRowTriggers(table) + NotifyCatalogueChangedRows.RowTriggers(table, $"{Function(column)}()"));
            migrationBuilder.Sql("DROP FUNCTION notify_catalogue_rows();");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NotifyCatalogueChangedRows.NotifyRowsFunction);
            foreach (var (table, column) in NotifyCatalogueChangedRows.Tables)
                migrationBuilder.Sql(DropRowTriggers(table) + NotifyCatalogueChangedRows.RowTriggers(table, $"notify_catalogue_rows('{column}')"));
            foreach (var column in NotifyCatalogueChangedRows.Tables.Select(table => table.Column).Distinct())
                migrationBuilder.Sql($"DROP FUNCTION {Function(column)}();");
        }

        private static string DropRowTriggers(string table) => $"""
            DROP TRIGGER catalogue_rows_inserted ON {table};
            DROP TRIGGER catalogue_rows_updated ON {table};
            DROP TRIGGER catalogue_rows_deleted ON {table};

            """;
    }
}
