using System.Diagnostics;
using System.Globalization;
using Christmas.Core;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Publishing;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Persistence;
using Christmas.Core.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Christmas.Bench;

/// <summary>
/// The impact preview and the publish at scale: creates the schema and revision 1 in a fresh data directory
/// (or a PostgreSQL database with <c>--pg</c>), seeds <c>--seed N</c> active sequences (the simulator's seeding:
/// 70 % assessment, 10 % each of the others, anchors spread so each has emails left), saves a draft that moves a
/// pending step of every sequence (and adds an assessment email), then times the preview (cold, then warm) and
/// an in-flight publish, with the app's own services (<see cref="CampaignPublisher"/>). Targets: preview &lt; 3 s,
/// publish &lt; 10 s for 10,000 sequences.
/// </summary>
public static class PublishCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var path = Path.GetFullPath(options.Text("db"));
        string[] args = options.Find("pg") is { } pg
            ? [$"--Campaign:DataDirectory={Path.GetDirectoryName(path)}", "--Database:Provider=PostgreSql", $"--ConnectionStrings:Postgres={pg}", "--Logging:LogLevel:Default=Warning"]
            : [$"--Campaign:DataDirectory={Path.GetDirectoryName(path)}", "--Logging:LogLevel:Default=Warning"];
        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        host.Services.AddChristmasCore();
        using var app = host.Build();
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(async ct =>
        {
            // As the app starts: the templates' variables are the published handlers' fields.
            await app.Services.GetRequiredService<RevisionOneSeeder>().SeedAsync(ct);
            await app.Services.GetRequiredService<Christmas.Core.Campaign.Live.PublishedCampaign>().CurrentAsync(ct);
            await app.Services.GetRequiredService<TemplateStore>().SeedAndCheckAsync(ct);
        }, CancellationToken.None);
        if (options.Find("seed") is not null) SimulateCommand.Seed(options, options.Int("seed"));

        var store = app.Services.GetRequiredService<CampaignDefinitionStore>();
        var published = await store.PublishedAsync(CancellationToken.None);
        var draft = await app.Services.GetRequiredService<DraftEditor>().SaveAsync(
            DefinitionWriter.Write(EveryPendingStepMoved(published.Document), DefinitionFormat.Yaml), DefinitionFormat.Yaml, "bench", CancellationToken.None);
        if (draft.Draft is null) throw new ArgumentException(string.Join("; ", draft.Errors.Select(e => $"{e.Path}: {e.Message}")));

        var publisher = app.Services.GetRequiredService<CampaignPublisher>();
        await TimeAsync("impact-cold", () => publisher.ImpactAsync(PublishPolicies.InFlight, CancellationToken.None), o => o.Value);
        await TimeAsync("impact-warm", () => publisher.ImpactAsync(PublishPolicies.InFlight, CancellationToken.None), o => o.Value);
        await TimeAsync("publish-in-flight", () => publisher.PublishAsync(PublishPolicies.InFlight, published.Revision, "bench", CancellationToken.None), Impact);
        Console.WriteLine($"peak-rss: mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024}");
        return 0;
    }

    /// <summary>Every sequence's last step 12 h earlier (pending for nearly every seeded sequence), and a 6th assessment email 6 days in.</summary>
    private static CampaignDocument EveryPendingStepMoved(CampaignDocument document) => document with
    {
        Sequences = document.Sequences.Select(s =>
        {
            var steps = s.Steps.Select(step => step.Number == s.Steps.Max(x => x.Number) ? step with { Offset = step.Offset - TimeSpan.FromHours(12) } : step).ToList();
            if (s.Name == "assessment") steps.Add(new StepSpec(6, "assessment-5", TimeSpan.FromDays(6), TimeSpan.FromMinutes(5)));
            return s with { Steps = steps };
        }).ToList(),
    };

    private static PublishImpact? Impact(Christmas.Core.Common.Outcome<PublishReceipt> outcome) => outcome.Value is { } r
        ? new PublishImpact(r.Policy, r.Changes, r.InFlight, r.Steps, r.HandlerCallsLast7Days, r.Samples)
        : throw new InvalidOperationException(outcome.Error);

    private static async Task TimeAsync<T>(string name, Func<Task<T>> run, Func<T, PublishImpact?> impactOf)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = await run();
        var ms = clock.Elapsed.TotalMilliseconds;
        // CPU time as well as wall time: on a shared machine the wall time says as much about the neighbours.
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var impact = impactOf(outcome) ?? throw new InvalidOperationException($"{name}: no impact");
        var s = impact.Steps;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: ms={ms:0} cpu-ms={cpuMs:0} sequences={impact.InFlight.Sequences} contacts={impact.InFlight.Contacts} moved={s.Moved} added={s.Added} cancelled={s.Cancelled} sendNow={s.SendNow} skippedOverdue={s.SkippedOverdue}"));
    }
}
