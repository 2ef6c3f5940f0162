using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Trigram indexes for the contains-searches (<c>lower(column) LIKE '%term%'</c>, as the search evaluator writes
    /// them), so a search over 100,000 products reads the matches, not the table. pg_trgm ships with PostgreSQL and is
    /// a trusted extension: the database's owner may create it. Users are searched by their normalized (upper-case) email.
    /// </summary>
    public partial class IndexSearchTrigrams : Migration
    {
        private static readonly (string Index, string Table, string Expression)[] Indexes =
        [
            ("ix_products_name_trgm", "products", "lower(name)"),
            ("ix_categories_name_trgm", "categories", "lower(name)"),
            ("ix_stores_name_trgm", "stores", "lower(name)"),
            ("ix_stores_city_trgm", "stores", "lower(city)"),
            ("ix_users_normalized_email_trgm", "users", "normalized_email"),
        ];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            foreach (var (index, table, expression) in Indexes)
                migrationBuilder.Sql($"CREATE INDEX {index} ON {table} USING gin ({expression} gin_trgm_ops);");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (index, _, _) in Indexes)
                migrationBuilder.Sql($"DROP INDEX {index};");
        }
    }
}
