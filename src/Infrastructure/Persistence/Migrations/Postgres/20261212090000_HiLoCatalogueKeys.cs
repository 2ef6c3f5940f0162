using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Stores, products and categories take their ids in blocks (hi-lo, see PostgresOverholtDbContext) from the sequence
    /// that already stands behind each identity column. The model names those sequences; the database keeps them where
    /// they are, owned by the identity columns, and only their increment becomes the block size. An INSERT that leaves
    /// the id out (the bulk writers, psql) still gets one from the identity, at the start of a block of its own.
    /// Written by hand: EF would drop the identity and create new sequences beside it. The increment is the block size
    /// the model had then (20), written out: a migration says what it did, whatever the constant becomes.
    /// </summary>
    public partial class HiLoCatalogueKeys : Migration
    {
        private static readonly string[] Tables = ["stores", "products", "categories"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN id SET INCREMENT BY 20;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN id SET INCREMENT BY 1;");
        }
    }
}
