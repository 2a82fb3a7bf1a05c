using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Notion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeCursors",
                columns: table => new
                {
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeCursors", x => x.Consumer);
                });

            migrationBuilder.CreateTable(
                name: "Changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotionPages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PageUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Pending = table.Column<bool>(type: "INTEGER", nullable: false),
                    PendingSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SyncedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotionPages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NotionPages_Kind_EntityId",
                table: "NotionPages",
                columns: new[] { "Kind", "EntityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotionPages_RetryAt",
                table: "NotionPages",
                column: "RetryAt",
                filter: "\"Pending\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeCursors");

            migrationBuilder.DropTable(
                name: "Changes");

            migrationBuilder.DropTable(
                name: "NotionPages");
        }
    }
}
