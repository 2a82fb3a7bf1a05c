using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Migrations.PostgreSql.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Executions",
                type: "character varying(2000)",
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
