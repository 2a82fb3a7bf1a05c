using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FunnelIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Steps_Funnel",
                table: "Steps",
                columns: new[] { "Status", "TemplateKey", "DeliveryFlags" },
                filter: "\"Status\" = 'Sent'");

            migrationBuilder.CreateIndex(
                name: "IX_Sequences_Funnel",
                table: "Sequences",
                columns: new[] { "ContactId", "Kind", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Steps_Funnel",
                table: "Steps");

            migrationBuilder.DropIndex(
                name: "IX_Sequences_Funnel",
                table: "Sequences");
        }
    }
}
