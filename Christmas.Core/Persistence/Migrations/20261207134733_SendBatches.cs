using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Core.Persistence.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BatchIndex",
                table: "Steps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SendBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false)
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
