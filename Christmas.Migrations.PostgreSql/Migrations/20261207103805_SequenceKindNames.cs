using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SequenceKindNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sequences name their definition now ("assessment"), no longer the enum ("Assessment").
            migrationBuilder.Sql("""UPDATE "Sequences" SET "Kind" = lower("Kind")""");
            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Sequences",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Sequences" SET "Kind" = upper(substr("Kind", 1, 1)) || substr("Kind", 2)""");
            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Sequences",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);
        }
    }
}
