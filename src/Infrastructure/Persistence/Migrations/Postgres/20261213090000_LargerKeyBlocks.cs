using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Blocks of 100 ids instead of 20 for stores, products and categories: at 20, a node creating a thousand rows a
    /// second went to the sequence fifty times a second, and every creation arriving meanwhile waited for that round
    /// trip. As in HiLoCatalogueKeys, written by hand (the sequences stay owned by the identity columns), with the
    /// block size written out.
    /// </summary>
    public partial class LargerKeyBlocks : Migration
    {
        private static readonly string[] Tables = ["stores", "products", "categories"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN id SET INCREMENT BY 100;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN id SET INCREMENT BY 20;");
        }
    }
}
