using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Christmas.Bench;

/// <summary>
/// Fills a migrated, stopped app database with many far-off pending steps (the load the
/// dispatcher must look past) and a few steps due soon, spread evenly (the ones whose send lag
/// is measured). Rows are written as EF Core writes them: enums as names, times as UTC text.
/// </summary>
public static class SeedLagCommand
{
    private const int StepsPerSequence = 4; // an assessment's emails 2..5 (email 1 is the website's)

    public static int Run(Options options)
    {
        var pending = options.Int("pending", 100_000);
        var due = options.Int("due", 600);
        var spread = TimeSpan.FromSeconds(options.Int("spread-seconds", 60));
        var clock = Stopwatch.StartNew();

        using var db = Db.Open(options.Text("db"), readOnly: false);
        using var tx = db.BeginTransaction();
        var insert = new Inserts(db, tx);
        var random = new Random(42);
        var now = DateTime.UtcNow;

        // Far-off load: due 2 to 30 days from now, so none is sent during the run.
        for (var s = 0; s * StepsPerSequence < pending; s++)
        {
            var sequence = insert.Sequence($"bench-load-{s}@example.com", now);
            var first = now.AddDays(2 + random.NextDouble() * 24);
            for (var n = 0; n < StepsPerSequence && s * StepsPerSequence + n < pending; n++)
                insert.Step(sequence, n + 2, first.AddDays(n));
        }

        // The measured steps, one per sequence. Their times are fixed last, so "15 s from now" is
        // counted from the end of seeding and the app has time to start before the first is due.
        var start = options.Find("start") is { } iso
            ? DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)
            : DateTime.UtcNow.AddSeconds(options.Int("start-in", 15));
        for (var i = 0; i < due; i++)
        {
            var sequence = insert.Sequence($"{Db.LagEmailPrefix}{i}@example.com", now);
            insert.Step(sequence, 2, start + spread * i / due);
        }
        tx.Commit();

        Console.WriteLine($"seeded {pending} pending steps (due in 2-30 days) and {due} steps due from " +
                          $"{start:HH:mm:ss.fff} over {spread.TotalSeconds:0} s, in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>Prepared INSERTs, reused for every row: the columns of the Initial migration.</summary>
    private sealed class Inserts(SqliteConnection db, SqliteTransaction tx)
    {
        private readonly SqliteCommand _contact = Prepare(db, tx,
            "INSERT INTO Contacts (Email, FirstName, BusinessName, Status, CreatedAt, UpdatedAt) " +
            "VALUES ($email, 'Sarah', 'Sarah''s Salon', 'Active', $now, $now) RETURNING Id", "$email", "$now");

        private readonly SqliteCommand _sequence = Prepare(db, tx,
            "INSERT INTO Sequences (ContactId, Kind, Mode, Status, DedupeKey, AnchorAt, CreatedAt, PayloadJson) " +
            "VALUES ($contact, 'Assessment', 'Production', 'Active', $key, $now, $now, $payload) RETURNING Id",
            "$contact", "$key", "$now", "$payload");

        private readonly SqliteCommand _step = Prepare(db, tx,
            "INSERT INTO Steps (SequenceId, Number, TemplateKey, DueAt, SendAt, NotBefore, Status, Attempts, SendGeneration, ManualSend, Version) " +
            "VALUES ($sequence, $number, $template, $due, $due, $due, 'Scheduled', 0, 0, 0, 0)",
            "$sequence", "$number", "$template", "$due");

        /// <summary>A contact and its active assessment sequence (dedupe key "assessment", as the app builds it).</summary>
        public long Sequence(string email, DateTime now)
        {
            _contact.Parameters["$email"].Value = email;
            _contact.Parameters["$now"].Value = Db.Time(now);
            _sequence.Parameters["$contact"].Value = (long)_contact.ExecuteScalar()!;
            _sequence.Parameters["$key"].Value = "assessment";
            _sequence.Parameters["$now"].Value = Db.Time(now);
            _sequence.Parameters["$payload"].Value = $$"""{"email":"{{email}}","first_name":"Sarah","business_name":"Sarah's Salon"}""";
            return (long)_sequence.ExecuteScalar()!;
        }

        public void Step(long sequence, int number, DateTime dueAt)
        {
            _step.Parameters["$sequence"].Value = sequence;
            _step.Parameters["$number"].Value = number;
            _step.Parameters["$template"].Value = $"assessment-{number}";
            _step.Parameters["$due"].Value = Db.Time(dueAt);
            _step.ExecuteNonQuery();
        }

        private static SqliteCommand Prepare(SqliteConnection db, SqliteTransaction tx, string sql, params string[] parameters)
        {
            var command = db.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
            return command;
        }
    }
}
