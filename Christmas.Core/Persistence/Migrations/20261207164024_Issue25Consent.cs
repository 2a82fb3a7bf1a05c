using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue25Consent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactConsents",
                columns: table => new
                {
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExecutionId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: true),
                    File = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    Row = table.Column<int>(type: "INTEGER", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactConsents", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_ContactConsents_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing contacts: the execution that started their first sequence (Sequences.ContactId is indexed, executions
            // are read by key). Contacts without one (the Notion import, calls that started nothing) keep no record: source unknown.
            migrationBuilder.Sql("""
                INSERT INTO "ContactConsents" ("ContactId", "Source", "Handler", "At", "ExecutionId", "By")
                SELECT s."ContactId",
                    CASE WHEN e."Trigger" LIKE 'manual:%' THEN 'Manual' ELSE 'Webhook' END,
                    e."FlowId", e."ReceivedAt", e."Id",
                    CASE WHEN e."Trigger" LIKE 'manual:%' THEN SUBSTR(e."Trigger", 8) END
                FROM "Sequences" s
                JOIN "Executions" e ON e."Id" = s."ExecutionId"
                JOIN "Contacts" c ON c."Id" = s."ContactId" AND c."ErasedAt" IS NULL
                WHERE s."Id" = (SELECT MIN(s2."Id") FROM "Sequences" s2 WHERE s2."ContactId" = s."ContactId")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactConsents");
        }
    }
}
