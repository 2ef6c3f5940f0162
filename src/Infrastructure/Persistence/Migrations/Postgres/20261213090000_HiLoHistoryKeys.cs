using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Ids in blocks of 100 (see PostgresOverholtDbContext): the catalogue's blocks grow from 20, and the change history
    /// takes its ids the same way, from the sequence already behind its identity column. As in HiLoCatalogueKeys, the
    /// database keeps its sequences where they are, owned by the identity columns, and only their increment changes; an
    /// INSERT that leaves the id out still gets one from the identity, at the start of a block of its own. Written by
    /// hand: EF would drop the identity and create a new sequence beside it. The increment is written out: a migration
    /// says what it did, whatever the constant becomes.
    /// </summary>
    public partial class HiLoHistoryKeys : Migration
    {
        private static readonly string[] Tables = ["stores", "products", "categories", "change_history"];

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
                migrationBuilder.Sql($"ALTER TABLE {table} ALTER COLUMN id SET INCREMENT BY {(table == "change_history" ? 1 : 20)};");
        }
    }
}
