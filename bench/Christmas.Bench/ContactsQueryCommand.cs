using System.Diagnostics;
using System.Net.Http.Headers;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Notion;
using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Notion.Mirror;
using Christmas.Core.Notion.Status;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Christmas.Bench;

/// <summary>
/// The console's contacts list at scale. In process: the exact query the page runs
/// (<see cref="ContactQueries.SearchAsync(ContactFilter, ContactOrder, PageRequest, CancellationToken)"/>,
/// page 1 of 25, default order) and a search by a full email (a different seeded contact each run).
/// Over HTTP, with <c>--url</c>: the same two through <c>GET /api/contacts</c> on the running app (the
/// page's grid loads its rows through the same service once the circuit is live; its prerender holds
/// no rows), and one CSV export of every contact. Prints p50/p95/max in ms after 5 warm-up runs.
/// </summary>
public static class ContactsQueryCommand
{
    private const int WarmUp = 5;

    public static async Task<int> RunAsync(Options options)
    {
        var runs = options.Int("runs", 30);
        var contacts = options.Int("contacts", 100_000);
        var random = new Random(11);
        string NextEmail() => SeedContactsCommand.Email(random.Next(contacts));

        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        SqlDialect dialect = options.Find("pg") is { } pg ? new PostgreSqlDialect(pg) : new SqliteDialect(options.Text("db"));
        dialect.Configure(builder);
        // --sql 1: every command with its duration on stderr, to see which one is slow.
        if (options.Find("sql") is not null) builder.LogTo(Console.Error.WriteLine, [RelationalEventId.CommandExecuted]);
        var dbOptions = builder.Options;
        var contexts = new PooledDbContextFactory<CampaignDbContext>(dbOptions);
        // No NextSends: only a contact's details read what happens next; the list and search timed here never do.
        var queries = new ContactQueries(contexts, NotionOff(contexts), next: null!);
        var first = new PageRequest(1, 25);

        await MeasureAsync("query-first-page", runs, async () =>
            Check((await queries.SearchAsync(ContactFilter.All, ContactOrder.Default, first, default)).Results.Count == 25));
        await MeasureAsync("query-search-email", runs, async () =>
            Check((await queries.SearchAsync(new ContactFilter(NextEmail()), ContactOrder.Default, first, default)).Total == 1));
        // --quick 1: those two only in process (growth.sh, where the funnel's seeding and a CSV of a million rows would dominate).
        if (options.Find("quick") is not null) return await OverHttpAsync(options, runs, NextEmail);
        await MeasureAsync("query-search-name", runs, async () =>
            Check((await queries.SearchAsync(new ContactFilter("tremblay"), ContactOrder.Default, first, default)).Total > 0));
        await MeasureAsync("query-sort-name", runs, async () =>
            Check((await queries.SearchAsync(ContactFilter.All, new ContactOrder(ContactSort.Name, false), first, default)).Results.Count == 25));

        var factory = new PooledDbContextFactory<CampaignDbContext>(dbOptions);
        // The dashboard reads the same seeded steps: counts, 28 day buckets, next sends, failures.
        var dashboard = new Christmas.Core.Dashboard.DashboardQueries(factory, TimeProvider.System);
        await MeasureAsync("query-dashboard", runs, async () => Check((await dashboard.SummaryAsync(default)).Contacts == contacts));

        // The funnel over the same steps, once the sent ones carry delivery bits (80 % delivered, 40 % opened,
        // 10 % clicked, 2 % bounced, 0.2 % complained, 0.5 % unsubscribed), as the delivery loop would leave them.
        await using (var db = await factory.CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE Steps SET DeliveryFlags = (CASE WHEN Id % 10 < 8 THEN 2 ELSE 0 END) | (CASE WHEN Id % 10 < 4 THEN 4 ELSE 0 END)
                    | (CASE WHEN Id % 10 = 0 THEN 8 ELSE 0 END) | (CASE WHEN Id % 50 = 9 THEN 64 ELSE 0 END)
                    | (CASE WHEN Id % 500 = 19 THEN 128 ELSE 0 END) | (CASE WHEN Id % 200 = 29 THEN 256 ELSE 0 END)
                WHERE Status = 'Sent';
                -- Who went on, as a campaign would have it: 30 % of the assessed book a call (a third of
                -- them miss it), 10 % pay, and a quarter of the rest came straight to onboarding.
                INSERT INTO Sequences (ContactId, Kind, Mode, Status, DedupeKey, AnchorAt, CreatedAt, PayloadJson)
                    SELECT ContactId, CASE WHEN ContactId % 10 = 0 THEN 'noshow' ELSE 'postcall' END, Mode, Status, 'bench-call',
                        AnchorAt, datetime(CreatedAt, '+1 day'), '{{}}'
                    FROM Sequences WHERE Kind = 'assessment' AND ContactId % 10 < 3;
                INSERT INTO Sequences (ContactId, Kind, Mode, Status, DedupeKey, AnchorAt, CreatedAt, PayloadJson)
                    SELECT ContactId, 'onboarding', Mode, Status, 'bench-paid', AnchorAt, datetime(CreatedAt, '+2 day'), '{{}}'
                    FROM Sequences WHERE Kind = 'assessment' AND ContactId % 10 = 1;
                INSERT INTO Sequences (ContactId, Kind, Mode, Status, DedupeKey, AnchorAt, CreatedAt, PayloadJson)
                    SELECT Id, 'onboarding', 'Production', 'Active', 'bench-paid', CreatedAt, CreatedAt, '{{}}'
                    FROM Contacts WHERE Id % 4 = 0 AND Id NOT IN (SELECT ContactId FROM Sequences);
                """);
        // The funnel's sequences and stages are the published definition's: revision 1 unless the app stored one.
        await new Christmas.Core.Campaign.Revisions.RevisionOneSeeder(factory, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Christmas.Core.Campaign.Revisions.RevisionOneSeeder>.Instance).SeedAsync(default);
        var definitions = new Christmas.Core.Campaign.Revisions.CampaignDefinitionStore(factory, TimeProvider.System);
        var published = new Christmas.Core.Campaign.Live.PublishedCampaign(definitions, new Christmas.Core.Campaign.Live.GeneratedWebhookKeys(factory, TimeProvider.System));
        var funnel = new Christmas.Core.Funnel.FunnelQueries(factory, published);
        await MeasureAsync("query-funnel-all", runs, async () => Check((await funnel.AllAsync(default)).Count == 4));
        await MeasureAsync("query-funnel-assessment", runs, async () =>
            Check((await funnel.ForAsync("assessment", default))!.WentOn[0].Contacts > 0));

        var export = new ContactCsvExport(factory, new Christmas.Core.Audit.AuditLog(factory, TimeProvider.System));
        var exportClock = Stopwatch.StartNew();
        var exported = await export.WriteAsync(ContactFilter.All, Stream.Null, "bench", default);
        Console.WriteLine($"query-export-csv: rows={exported} ms={exportClock.Elapsed.TotalMilliseconds:0}");
        return await OverHttpAsync(options, runs, NextEmail);
    }

    /// <summary>With --url: the page and the search through the running app's API, and one CSV export.</summary>
    private static async Task<int> OverHttpAsync(Options options, int runs, Func<string> NextEmail)
    {
        if (options.Find("url") is not { } url) return 0;
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Text("token"));
        await MeasureAsync("http-first-page", runs, () => GetAsync(http, "/api/contacts?page=1&size=25"));
        await MeasureAsync("http-search-email", runs, () => GetAsync(http, "/api/contacts?search=" + Uri.EscapeDataString(NextEmail())));

        var clock = Stopwatch.StartNew();
        var csv = await http.GetStringAsync("/api/contacts/export.csv");
        Console.WriteLine($"http-export-csv: rows={csv.Count(c => c == '\n') - 1} bytes={csv.Length} ms={clock.Elapsed.TotalMilliseconds:0}");
        return 0;
    }

    /// <summary>The contact's Notion state as an app without Notion:Token reads it: "off", no query (the bench's default settings).</summary>
    private static NotionStatusReader NotionOff(IDbContextFactory<CampaignDbContext> contexts)
    {
        var off = Microsoft.Extensions.Options.Options.Create(new NotionOptions());
        // No HTTP client factory: an unconfigured reader never reads Notion's schemas.
        var schemas = new NotionSchemas(new NotionClients(null!), off, NullLogger<NotionSchemas>.Instance);
        return new NotionStatusReader(contexts, schemas, new NotionMirrorState(), new MirrorWindow(), off);
    }

    private static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static void Check(bool ok)
    {
        if (!ok) throw new InvalidOperationException("The query returned unexpected rows: is the database seeded with seed-contacts?");
    }

    private static async Task MeasureAsync(string name, int runs, Func<Task> run)
    {
        for (var i = 0; i < WarmUp; i++) await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"{name}: runs={runs} {Stats.P50P95Max(times)}");
    }
}
