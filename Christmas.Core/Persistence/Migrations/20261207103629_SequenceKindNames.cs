using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SequenceKindNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sequences name their definition now ("assessment"), no longer the enum ("Assessment").
            migrationBuilder.Sql("""UPDATE "Sequences" SET "Kind" = lower("Kind")""");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Sequences" SET "Kind" = upper(substr("Kind", 1, 1)) || substr("Kind", 2)""");

        }
    }
}
