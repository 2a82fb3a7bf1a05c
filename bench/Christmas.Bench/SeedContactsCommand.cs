using System.Diagnostics;
using System.Globalization;

namespace Christmas.Bench;

/// <summary>
/// Fills a migrated, stopped app database with a campaign's worth of contacts for the console's
/// list: by default 100,000 contacts, 80 % of them assessed (one assessment sequence of 5 steps:
/// 400,000 steps), the rest signed up only. Anchors spread over the last 10 days, so steps already
/// due are sent (by the website for #1) and later ones scheduled; a few sequences were cancelled and
/// a few contacts unsubscribed. Prepared INSERTs in one transaction, in EF Core's formats.
/// </summary>
public static class SeedContactsCommand
{
    /// <summary>Email of the contacts the bench seeds: <c>{first}.{last}{n}@{domain}</c>, so a search by email is realistic.</summary>
    public static string Email(int n) => $"{First[n % First.Length].ToLowerInvariant()}.{Last[n / First.Length % Last.Length].ToLowerInvariant()}{n}@{Domains[n % Domains.Length]}";

    private static readonly string[] First = ["Sarah", "Mike", "Priya", "Tom", "Lena", "Omar", "Grace", "Liam", "Chloe", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Zoe", "Jack"];
    private static readonly string[] Last = ["Jones", "Smith", "Patel", "Nguyen", "Martin", "Roy", "Tremblay", "Gagnon", "Wilson", "Brown", "Lee", "Taylor", "Campbell"];
    private static readonly string[] Domains = ["example.com", "salon.example", "plumbing.example", "dental.example", "coffee.example", "fitstudio.example"];
    private static readonly string[] Trades = ["Salon", "Plumbing", "Dental", "Coffee", "Fit Studio", "Landscaping", "Bakery", "Auto Repair"];
    private static readonly string[] Systems = ["GPS", "CREW", "ENGINE", "FUEL", "CABIN", "COCKPIT", "RADAR", "AUTOPILOT"];
    private static readonly int[] OffsetHours = [0, 24, 72, 96, 120]; // assessment #1 (website) .. #5, production timing

    public static int Run(Options options)
    {
        var contacts = options.Int("contacts", 100_000);
        var steps = options.Int("steps", 400_000);
        var assessed = Math.Min(contacts, steps / OffsetHours.Length);
        var clock = Stopwatch.StartNew();
        var random = new Random(7);
        var now = DateTime.UtcNow;
        // Steps falling due while the seeding runs (minutes at 1M contacts) are seeded as sent, so the measured
        // due steps are not queued behind a backlog the seeding itself made.
        var settled = now.AddHours(2);

        using var db = BenchDatabase.Open(options, readOnly: false);
        using var tx = db.Connection.BeginTransaction();
        using var contact = db.Prepare(tx, """
            INSERT INTO "Contacts" ("Email", "FirstName", "BusinessName", "RedSystems", "OrangeSystems", "YellowSystems", "GreenSystems",
                "WeakestSystem1", "WeakestSystem2", "RevenueLeakTotal", "Segment", "Status", "SuppressedAt", "CreatedAt", "UpdatedAt")
            VALUES (@email, @first, @business, @red, @orange, @yellow, @green, @weak1, @weak2, @leak, @segment, @status, @suppressed, @created, @updated)
            RETURNING "Id"
            """);
        using var sequence = db.Prepare(tx, """
            INSERT INTO "Sequences" ("ContactId", "Kind", "Mode", "Status", "DedupeKey", "AnchorAt", "CreatedAt", "EndedAt", "EndedReason", "PayloadJson")
            VALUES (@contact, 'assessment', 'Production', @status, 'assessment', @anchor, @anchor, @ended, @reason, '{}') RETURNING "Id"
            """);
        using var step = db.Prepare(tx, """
            INSERT INTO "Steps" ("SequenceId", "Number", "TemplateKey", "DueAt", "SendAt", "NotBefore", "Status", "SentBy", "SentAt",
                "ProviderMessageId", "Attempts", "LastError", "SendGeneration", "ManualSend", "DeliveryFlags", "Version")
            VALUES (@sequence, @number, @template, @due, @due, @due, @status, @by, @sent, @provider, @attempts, @error, 0, FALSE, 0, 0)
            """);

        var stepCount = 0;
        for (var n = 0; n < contacts; n++)
        {
            var anchor = now.AddMinutes(-random.Next(1, 10 * 24 * 60));
            var hasAssessment = n < assessed;
            var unsubscribed = random.NextDouble() < 0.03;
            var (red, orange) = (random.Next(0, 4), random.Next(0, 3));
            var yellow = random.Next(0, 9 - red - orange);
            Set(contact, "@email", Email(n));
            Set(contact, "@first", First[n % First.Length]);
            Set(contact, "@business", $"{Last[n % Last.Length]} {Trades[n % Trades.Length]}");
            Set(contact, "@red", hasAssessment ? red : null);
            Set(contact, "@orange", hasAssessment ? orange : null);
            Set(contact, "@yellow", hasAssessment ? yellow : null);
            Set(contact, "@green", hasAssessment ? 8 - red - orange - yellow : null);
            Set(contact, "@weak1", hasAssessment ? Systems[random.Next(Systems.Length)] : null);
            Set(contact, "@weak2", hasAssessment ? Systems[random.Next(Systems.Length)] : null);
            Set(contact, "@leak", hasAssessment ? db.Money(random.Next(10, 500) * 100) : null);
            Set(contact, "@segment", hasAssessment ? (red >= 2 ? "Critical" : red == 1 || orange >= 2 ? "Urgent" : "Optimize") : null);
            Set(contact, "@status", unsubscribed ? "Unsubscribed" : "Active");
            Set(contact, "@suppressed", unsubscribed ? db.Time(anchor.AddHours(30)) : null);
            Set(contact, "@created", db.Time(anchor.AddMinutes(-5)));
            Set(contact, "@updated", db.Time(unsubscribed ? anchor.AddHours(30) : anchor));
            var contactId = (long)contact.ExecuteScalar()!;
            if (!hasAssessment) continue;

            var cancelled = unsubscribed || random.NextDouble() < 0.05;
            var completed = !cancelled && anchor.AddHours(OffsetHours[^1]) <= settled;
            Set(sequence, "@contact", contactId);
            Set(sequence, "@status", cancelled ? "Cancelled" : completed ? "Completed" : "Active");
            Set(sequence, "@anchor", db.Time(anchor));
            Set(sequence, "@ended", cancelled ? db.Time(anchor.AddHours(30)) : completed ? db.Time(anchor.AddHours(OffsetHours[^1])) : null);
            Set(sequence, "@reason", cancelled ? (unsubscribed ? "unsubscribed" : "cancelled by an operator") : completed ? "all steps done" : null);
            var sequenceId = (long)sequence.ExecuteScalar()!;
            for (var i = 0; i < OffsetHours.Length; i++)
            {
                var due = anchor.AddHours(OffsetHours[i]);
                var sent = due <= settled && !(cancelled && due > anchor.AddHours(30));
                var status = sent ? "Sent" : cancelled ? "Cancelled" : "Scheduled";
                Set(step, "@sequence", sequenceId);
                Set(step, "@number", i + 1);
                Set(step, "@template", $"assessment-{i + 1}");
                Set(step, "@due", db.Time(due));
                Set(step, "@status", status);
                Set(step, "@by", sent ? (i == 0 ? "Website" : "Scheduler") : null);
                Set(step, "@sent", sent ? db.Time(due < now ? due.AddSeconds(1) : now) : null);
                Set(step, "@provider", sent && i > 0 ? $"outbox-{sequenceId}-{i + 1}" : null);
                Set(step, "@attempts", sent && i > 0 ? 1 : 0);
                Set(step, "@error", status == "Cancelled" ? "cancelled by an operator" : null);
                step.ExecuteNonQuery();
                stepCount++;
            }
        }
        tx.Commit();
        Console.WriteLine($"seeded contacts={contacts} assessed={assessed} steps={stepCount} seconds={clock.Elapsed.TotalSeconds:0.0}");
        return 0;
    }

    private static void Set(System.Data.Common.DbCommand command, string name, object? value) => BenchDatabase.Set(command, name, value);
}
