using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Christmas.Core;
using Christmas.Core.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Christmas.Bench;

/// <summary>
/// The campaign simulator at scale: optionally seeds <c>--seed N</c> active sequences (70 % assessment, 10 % each
/// of no-show, post-call and onboarding, anchors spread so each has emails left), then times the simulator in
/// process on the same file (the app's own <see cref="SimulationRunner"/>, built as the app builds it), cold
/// (first run: EF model, JIT, templates compiled) and warm, with the configured rules and with quiet hours and a
/// minimum gap that move every stored step. With <c>--url</c>, only one <c>POST /api/simulations</c> to the running app, timed.
/// </summary>
public static class SimulateCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var path = Path.GetFullPath(options.Text("db"));
        var days = options.Int("days", 10);
        var runs = options.Int("runs", 3);
        if (options.Find("seed") is not null) Seed(options, options.Int("seed"));
        var plain = $$"""{"days": {{days}}}""";
        // --url: only the app's answer, timed from this client (the app runs on the same file).
        if (options.Find("url") is { } url)
        {
            await OverHttpAsync(url, options.Text("token"), plain);
            return 0;
        }

        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [$"--Campaign:DataDirectory={Path.GetDirectoryName(path)}", "--Logging:LogLevel:Default=Warning"],
        });
        host.Services.AddChristmasCore();
        using var app = host.Build();
        var simulations = app.Services.GetRequiredService<SimulationRunner>();

        var moved = $$"""{"days": {{days}}, "quietHours": "21:00-08:00", "minimumGap": "12:00:00"}""";
        await TimeAsync(simulations, "simulate-cold", plain);
        for (var i = 0; i < runs; i++) await TimeAsync(simulations, "simulate-warm", plain);
        await TimeAsync(simulations, "simulate-quiet-gap", moved);
        Console.WriteLine($"peak-rss: mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024}");
        return 0;
    }

    private static async Task TimeAsync(SimulationRunner simulations, string name, string json)
    {
        using var body = JsonDocument.Parse(json);
        var clock = Stopwatch.StartNew();
        var (result, errors) = await simulations.RunAsync(body.RootElement, CancellationToken.None);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (result is null) throw new ArgumentException(string.Join(" ", errors.SelectMany(e => e.Value)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: ms={ms:0} sequences={result.Sequences} contacts={result.Contacts} sends={result.Sends.Count} skipped={result.Skipped.Count} later={result.Later}"));
    }

    private static async Task OverHttpAsync(string url, string token, string json)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("/api/simulations", new StringContent(json, Encoding.UTF8, "application/json"));
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulate-http: ms={clock.Elapsed.TotalMilliseconds:0} status={(int)response.StatusCode} bytes={bytes}"));
    }

    private static readonly (string Kind, int[] OffsetsMinutes, double MaxAgeHours)[] Kinds =
    [
        ("assessment", [0, 24 * 60, 72 * 60, 96 * 60, 120 * 60], 96),
        ("noshow", [5, 24 * 60, 48 * 60], 40),
        ("postcall", [60, 72 * 60, 168 * 60], 144),
        ("onboarding", [60, 24 * 60, 72 * 60], 60),
    ];

    private static readonly string[] Zones = ["America/Toronto", "America/Vancouver", "America/Halifax", "Europe/London", "UTC"];
    private static readonly string[] Segments = ["Critical", "Urgent", "Optimize"];

    /// <summary>N contacts with one active production sequence each, as the app stores them (prepared INSERTs, one transaction).</summary>
    internal static void Seed(Options options, int count)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(5);
        var now = DateTime.UtcNow;
        using var db = BenchDatabase.Open(options, readOnly: false);
        using var tx = db.Connection.BeginTransaction();
        using var contact = db.Prepare(tx, """
            INSERT INTO "Contacts" ("Email", "FirstName", "BusinessName", "RedSystems", "OrangeSystems", "YellowSystems", "GreenSystems",
                "Segment", "Status", "TimeZone", "CreatedAt", "UpdatedAt")
            VALUES (@email, @first, @business, @red, @orange, @yellow, @green, @segment, 'Active', @zone, @now, @now)
            RETURNING "Id"
            """);
        using var sequence = db.Prepare(tx, """
            INSERT INTO "Sequences" ("ContactId", "Kind", "Mode", "Status", "DedupeKey", "AnchorAt", "CreatedAt", "PayloadJson")
            VALUES (@contact, @kind, 'Production', 'Active', @key, @anchor, @anchor, @payload) RETURNING "Id"
            """);
        using var step = db.Prepare(tx, """
            INSERT INTO "Steps" ("SequenceId", "Number", "TemplateKey", "DueAt", "SendAt", "NotBefore", "Status", "SentBy", "SentAt",
                "Attempts", "SendGeneration", "ManualSend", "DeliveryFlags", "Version")
            VALUES (@sequence, @number, @template, @due, @due, @due, @status, @by, @sent, @attempts, 0, FALSE, 0, 0)
            """);
        var steps = 0;
        for (var i = 0; i < count; i++)
        {
            var (kind, offsets, maxAge) = Kinds[i % 10 < 7 ? 0 : i % 10 - 6];
            var anchor = now.AddHours(-random.NextDouble() * maxAge);
            var (red, orange) = (random.Next(0, 4), random.Next(0, 3));
            var assessed = kind == "assessment";
            BenchDatabase.Set(contact, "@email", $"sim-{i}@example.com");
            BenchDatabase.Set(contact, "@first", $"Pat{i % 100}");
            BenchDatabase.Set(contact, "@business", $"Business {i}");
            BenchDatabase.Set(contact, "@red", assessed ? red : null);
            BenchDatabase.Set(contact, "@orange", assessed ? orange : null);
            BenchDatabase.Set(contact, "@yellow", assessed ? 1 : null);
            BenchDatabase.Set(contact, "@green", assessed ? 7 - red - orange : null);
            BenchDatabase.Set(contact, "@segment", assessed ? Segments[(red >= 2 ? 0 : red == 1 || orange >= 2 ? 1 : 2)] : null);
            BenchDatabase.Set(contact, "@zone", Zones[i % Zones.Length]);
            BenchDatabase.Set(contact, "@now", db.Time(anchor));
            BenchDatabase.Set(sequence, "@contact", Convert.ToInt64(contact.ExecuteScalar(), CultureInfo.InvariantCulture));
            BenchDatabase.Set(sequence, "@kind", kind);
            BenchDatabase.Set(sequence, "@key", kind switch { "noshow" => $"noshow:evt_{i}", "postcall" => $"postcall:{i}", _ => kind });
            BenchDatabase.Set(sequence, "@anchor", db.Time(anchor));
            BenchDatabase.Set(sequence, "@payload", $$"""{"email":"sim-{{i}}@example.com","first_name":"Pat{{i % 100}}","calendly_event_id":"evt_{{i}}","package_type":"foundation"}""");
            var sequenceId = Convert.ToInt64(sequence.ExecuteScalar(), CultureInfo.InvariantCulture);
            for (var n = 0; n < offsets.Length; n++)
            {
                var due = anchor.AddMinutes(offsets[n]);
                var sent = due <= now;
                BenchDatabase.Set(step, "@sequence", sequenceId);
                BenchDatabase.Set(step, "@number", n + 1);
                BenchDatabase.Set(step, "@template", $"{kind.ToLowerInvariant()}-{n + 1}");
                BenchDatabase.Set(step, "@due", db.Time(due));
                BenchDatabase.Set(step, "@status", sent ? "Sent" : "Scheduled");
                BenchDatabase.Set(step, "@by", sent ? (assessed && n == 0 ? "Website" : "Scheduler") : null);
                BenchDatabase.Set(step, "@sent", sent ? db.Time(due) : null);
                BenchDatabase.Set(step, "@attempts", sent && !(assessed && n == 0) ? 1 : 0);
                step.ExecuteNonQuery();
                steps++;
            }
        }
        tx.Commit();
        Console.WriteLine($"seeded: sequences={count} steps={steps} seconds={clock.Elapsed.TotalSeconds:0.0}");
    }
}
