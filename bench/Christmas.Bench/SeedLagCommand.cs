using System.Diagnostics;
using System.Globalization;
using System.Data.Common;

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
        // --round R: another set of rows in the same database (lag --round R reads only its measured steps).
        var round = options.Find("round") ?? "";

        using var db = BenchDatabase.Open(options, readOnly: false);
        using var tx = db.Connection.BeginTransaction();
        var insert = new Inserts(db, tx);
        var random = new Random(42);
        var now = DateTime.UtcNow;

        // Far-off load: due 2 to 30 days from now, so none is sent during the run.
        for (var s = 0; s * StepsPerSequence < pending; s++)
        {
            var sequence = insert.Sequence($"bench-load-{round}{s}@example.com", now);
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
            var sequence = insert.Sequence($"{Db.LagEmailPrefix}{round}{i}@example.com", now);
            insert.Step(sequence, 2, start + spread * i / due);
        }
        tx.Commit();

        Console.WriteLine($"seeded {pending} pending steps (due in 2-30 days) and {due} steps due from " +
                          $"{start:HH:mm:ss.fff} over {spread.TotalSeconds:0} s, in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>Prepared INSERTs, reused for every row: the columns of the Initial migration.</summary>
    private sealed class Inserts(BenchDatabase db, DbTransaction tx)
    {
        private readonly DbCommand _contact = db.Prepare(tx, """
            INSERT INTO "Contacts" ("Email", "FirstName", "BusinessName", "Status", "CreatedAt", "UpdatedAt")
            VALUES (@email, 'Sarah', 'Sarah''s Salon', 'Active', @now, @now) RETURNING "Id"
            """);

        private readonly DbCommand _sequence = db.Prepare(tx, """
            INSERT INTO "Sequences" ("ContactId", "Kind", "Mode", "Status", "DedupeKey", "AnchorAt", "CreatedAt", "PayloadJson")
            VALUES (@contact, 'assessment', 'Production', 'Active', @key, @now, @now, @payload) RETURNING "Id"
            """);

        private readonly DbCommand _step = db.Prepare(tx, """
            INSERT INTO "Steps" ("SequenceId", "Number", "TemplateKey", "DueAt", "SendAt", "NotBefore", "Status", "Attempts", "SendGeneration", "ManualSend", "DeliveryFlags", "Version")
            VALUES (@sequence, @number, @template, @due, @due, @due, 'Scheduled', 0, 0, FALSE, 0, 0)
            """);

        /// <summary>A contact and its active assessment sequence (dedupe key "assessment", as the app builds it).</summary>
        public long Sequence(string email, DateTime now)
        {
            BenchDatabase.Set(_contact, "@email", email);
            BenchDatabase.Set(_contact, "@now", db.Time(now));
            BenchDatabase.Set(_sequence, "@contact", Convert.ToInt64(_contact.ExecuteScalar(), CultureInfo.InvariantCulture));
            BenchDatabase.Set(_sequence, "@key", "assessment");
            BenchDatabase.Set(_sequence, "@now", db.Time(now));
            BenchDatabase.Set(_sequence, "@payload", $$"""{"email":"{{email}}","first_name":"Sarah","business_name":"Sarah's Salon"}""");
            return Convert.ToInt64(_sequence.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public void Step(long sequence, int number, DateTime dueAt)
        {
            BenchDatabase.Set(_step, "@sequence", sequence);
            BenchDatabase.Set(_step, "@number", number);
            BenchDatabase.Set(_step, "@template", $"assessment-{number}");
            BenchDatabase.Set(_step, "@due", db.Time(dueAt));
            _step.ExecuteNonQuery();
        }
    }
}
