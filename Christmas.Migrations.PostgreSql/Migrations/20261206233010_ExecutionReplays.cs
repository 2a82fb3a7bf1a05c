using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Christmas.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Replays and Kestra's monitoring shapes: an execution's originalId (indexed: the original lists its replays),
    /// its duration stored for sort=state.duration (backfilled), and log levels renamed WARNING -> WARN as Kestra names them.
    /// </summary>
    public partial class ExecutionReplays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DurationMs",
                table: "Executions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "OriginalId",
                table: "Executions",
                type: "character varying(22)",
                maxLength: 22,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Executions_OriginalId",
                table: "Executions",
                column: "OriginalId");

            migrationBuilder.Sql("""UPDATE "Executions" SET "DurationMs" = GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM ("EndedAt" - "ReceivedAt")) * 1000) AS bigint))""");
            migrationBuilder.Sql("""UPDATE "Executions" SET "Logs" = REPLACE("Logs", '"Level":"WARNING"', '"Level":"WARN"') WHERE "Logs" LIKE '%"Level":"WARNING"%'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Executions" SET "Logs" = REPLACE("Logs", '"Level":"WARN"', '"Level":"WARNING"') WHERE "Logs" LIKE '%"Level":"WARN"%'""");

            migrationBuilder.DropIndex(
                name: "IX_Executions_OriginalId",
                table: "Executions");

            migrationBuilder.DropColumn(
                name: "DurationMs",
                table: "Executions");

            migrationBuilder.DropColumn(
                name: "OriginalId",
                table: "Executions");
        }
    }
}
