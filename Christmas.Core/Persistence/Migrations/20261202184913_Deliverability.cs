using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Deliverability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeliveryFlags",
                table: "Steps",
                type: "INTEGER",
                maxLength: 20,
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DeliveryStatus",
                table: "Steps",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SendAt",
                table: "Steps",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Steps planned before send rules existed go when they were due.
            migrationBuilder.Sql("UPDATE \"Steps\" SET \"SendAt\" = \"DueAt\";");

            migrationBuilder.AddColumn<string>(
                name: "SendAtReason",
                table: "Steps",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Contacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeliveryEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SvixId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EmailId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    StepId = table.Column<long>(type: "INTEGER", nullable: true),
                    AppliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Suppressions",
                columns: table => new
                {
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suppressions", x => x.Email);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Steps_ProviderMessageId",
                table: "Steps",
                column: "ProviderMessageId",
                filter: "\"ProviderMessageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_EmailId",
                table: "DeliveryEvents",
                column: "EmailId",
                filter: "\"AppliedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_RetryAt",
                table: "DeliveryEvents",
                column: "RetryAt",
                filter: "\"AppliedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_StepId",
                table: "DeliveryEvents",
                column: "StepId",
                filter: "\"StepId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_SvixId",
                table: "DeliveryEvents",
                column: "SvixId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Suppressions_CreatedAt",
                table: "Suppressions",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryEvents");

            migrationBuilder.DropTable(
                name: "Suppressions");

            migrationBuilder.DropIndex(
                name: "IX_Steps_ProviderMessageId",
                table: "Steps");

            migrationBuilder.DropColumn(
                name: "DeliveryFlags",
                table: "Steps");

            migrationBuilder.DropColumn(
                name: "DeliveryStatus",
                table: "Steps");

            migrationBuilder.DropColumn(
                name: "SendAt",
                table: "Steps");

            migrationBuilder.DropColumn(
                name: "SendAtReason",
                table: "Steps");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Contacts");
        }
    }
}
