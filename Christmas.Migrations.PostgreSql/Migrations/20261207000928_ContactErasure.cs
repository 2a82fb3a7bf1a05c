using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ContactErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ErasedAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Contacts");
        }
    }
}
