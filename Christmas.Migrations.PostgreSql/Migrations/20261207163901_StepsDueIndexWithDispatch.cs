using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class StepsDueIndexWithDispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Steps_Status_NotBefore",
                table: "Steps");

            migrationBuilder.CreateIndex(
                name: "IX_Steps_Status_NotBefore_DispatchedAt",
                table: "Steps",
                columns: new[] { "Status", "NotBefore", "DispatchedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Steps_Status_NotBefore_DispatchedAt",
                table: "Steps");

            migrationBuilder.CreateIndex(
                name: "IX_Steps_Status_NotBefore",
                table: "Steps",
                columns: new[] { "Status", "NotBefore" });
        }
    }
}
