using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Christmas.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SendBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BatchId",
                table: "Steps",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BatchIndex",
                table: "Steps",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SendBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendBatches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Steps_BatchId",
                table: "Steps",
                column: "BatchId",
                filter: "\"BatchId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SendBatches");

            migrationBuilder.DropIndex(
                name: "IX_Steps_BatchId",
                table: "Steps");

            migrationBuilder.DropColumn(
                name: "BatchId",
                table: "Steps");

            migrationBuilder.DropColumn(
                name: "BatchIndex",
                table: "Steps");
        }
    }
}
