using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Overholt.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCreationTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "created_at",
                table: "stores",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "created_at",
                table: "products",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "created_at",
                table: "categories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_stores_created_at",
                table: "stores",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_products_created_at",
                table: "products",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_categories_created_at",
                table: "categories",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stores_created_at",
                table: "stores");

            migrationBuilder.DropIndex(
                name: "ix_products_created_at",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_categories_created_at",
                table: "categories");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "stores");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "products");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "categories");
        }
    }
}
