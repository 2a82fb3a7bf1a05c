using System.Diagnostics;

namespace Christmas.Bench;

/// <summary>
/// Waits until the app has sent every step seeded by seed-lag as "due soon", then prints the
/// send lag SentAt - DueAt. Reads the database (read-only on SQLite, where WAL allows it) while the app runs.
/// </summary>
public static class LagCommand
{
    private const string MeasuredSteps = """
        SELECT s."Status", s."DueAt", s."SentAt" FROM "Steps" s
        JOIN "Sequences" q ON q."Id" = s."SequenceId"
        JOIN "Contacts" c ON c."Id" = q."ContactId"
        WHERE c."Email" LIKE @prefix
        """;

    public static async Task<int> RunAsync(Options options)
    {
        var timeout = TimeSpan.FromSeconds(options.Int("timeout", 180));
        var clock = Stopwatch.StartNew();
        List<(string Status, DateTime Due, DateTime? Sent)> steps;
        while (true)
        {
            steps = Read(options);
            var open = steps.Count(s => s.Status is "Scheduled" or "Sending");
            if (steps.Count == 0) throw new ArgumentException("No seeded due steps found; run seed-lag first.");
            if (open == 0 || clock.Elapsed > timeout) break;
            await Task.Delay(500);
        }

        var sent = steps.Where(s => s is { Status: "Sent", Sent: not null }).ToList();
        var others = steps.Where(s => s.Status != "Sent").GroupBy(s => s.Status).Select(g => $"{g.Key}x{g.Count()}");
        Console.WriteLine($"lag: sent={sent.Count}/{steps.Count} {Stats.Summary(sent.Select(s => (s.Sent!.Value - s.Due).TotalMilliseconds))} " +
                          $"{(clock.Elapsed > timeout ? "TIMED-OUT " : "")}{string.Join(' ', others)}".TrimEnd());
        return 0;
    }

    private static List<(string, DateTime, DateTime?)> Read(Options options)
    {
        using var db = BenchDatabase.Open(options, readOnly: true);
        using var command = db.Connection.CreateCommand();
        command.CommandText = MeasuredSteps;
        var prefix = command.CreateParameter();
        (prefix.ParameterName, prefix.Value) = ("@prefix", $"{Db.LagEmailPrefix}{options.Find("round")}%");
        command.Parameters.Add(prefix);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, DateTime, DateTime?)>();
        while (reader.Read())
            rows.Add((reader.GetString(0), db.ReadTime(reader, 1), reader.IsDBNull(2) ? null : db.ReadTime(reader, 2)));
        return rows;
    }
}
