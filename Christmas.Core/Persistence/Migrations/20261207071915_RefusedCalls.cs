using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RefusedCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HttpStatus",
                table: "Executions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Executions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Executions_Refused_ReceivedAt",
                table: "Executions",
                column: "ReceivedAt",
                filter: "\"HttpStatus\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Executions_Refused_ReceivedAt",
                table: "Executions");

            migrationBuilder.DropColumn(
                name: "HttpStatus",
                table: "Executions");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Executions");
        }
    }
}
