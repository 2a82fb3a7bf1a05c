using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Issue25Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "Executions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PurgedAt",
                table: "DeliveryEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Unpurged_CreatedAt",
                table: "OutboxMessages",
                column: "CreatedAt",
                filter: "\"PurgedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Executions_Unpurged_ReceivedAt",
                table: "Executions",
                column: "ReceivedAt",
                filter: "\"PurgedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_Unpurged_ReceivedAt",
                table: "DeliveryEvents",
                column: "ReceivedAt",
                filter: "\"PurgedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Unpurged_CreatedAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_Executions_Unpurged_ReceivedAt",
                table: "Executions");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryEvents_Unpurged_ReceivedAt",
                table: "DeliveryEvents");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "Executions");

            migrationBuilder.DropColumn(
                name: "PurgedAt",
                table: "DeliveryEvents");
        }
    }
}
