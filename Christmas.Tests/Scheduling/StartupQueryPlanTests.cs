using System.Text.RegularExpressions;
using Christmas.Core.Scheduling;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Scheduling;

/// <summary>
/// The statements a start runs before the first hand-over read the due steps only, a range of the
/// (Status, NotBefore) index: reading every scheduled step's row took minutes at a million contacts.
/// </summary>
public sealed class StartupQueryPlanTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RestartRecovery_AndTheHeldNoteRelease_ReadARangeOfDueSteps()
    {
        var now = DateTime.UtcNow;
        var plans = await _app.WithDbAsync(async db => new[]
        {
            await PlanAsync(db, StepRecovery.HandedOver(db.Steps, now).ToQueryString()),
            await PlanAsync(db, DueStepDispatcher.HeldNotes(db.Steps, now).ToQueryString()),
        });

        Assert.All(plans, plan => Assert.Contains("IX_Steps_Status_NotBefore_DispatchedAt (Status=? AND NotBefore<?)", plan));
    }

    /// <summary>Each dispatcher round counts the handed-over due steps: with a backlog at 1M contacts a read of each row took over a second.</summary>
    [Fact]
    public async Task TheDispatchersInFlightCount_ReadsTheIndexAlone()
    {
        var now = DateTime.UtcNow;
        var plan = await _app.WithDbAsync(async db =>
            await PlanAsync(db, DueStepDispatcher.HandedOverRecently(db.Steps, now, now.AddMinutes(-5)).Select(s => s.Id).ToQueryString()));

        Assert.Contains("COVERING INDEX IX_Steps_Status_NotBefore_DispatchedAt (Status=? AND NotBefore<?)", plan);
    }

    // EXPLAIN QUERY PLAN of EF's SQL with a date for each parameter: SQLite's plan does not depend on the values.
    private static async Task<string> PlanAsync(DbContext db, string sql)
    {
        var statement = string.Join('\n', sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--") && !l.StartsWith(".param")));
        statement = Regex.Replace(statement, @"@\w+", "'2026-01-01 00:00:00'");
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        await using var reader = await command.ExecuteReaderAsync();
        var details = new List<string>();
        while (await reader.ReadAsync()) details.Add(reader.GetString(3));
        return string.Join(" | ", details);
    }
}
