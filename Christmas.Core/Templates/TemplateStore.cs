using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Templates;

/// <summary>Templates in the database with every version kept; the newest version of a key is the one used.</summary>
public sealed class TemplateStore(
    IDbContextFactory<CampaignDbContext> contexts,
    DefaultTemplates defaults,
    TemplateRenderer renderer,
    TimeProvider time,
    ILogger<TemplateStore> logger)
{
    public const string DefaultAuthor = "default";

    /// <summary>The template a step sends: the segment's variant when there is one, else the base template (<see cref="SegmentVariants"/>).</summary>
    public async Task<EmailTemplate?> ForStepAsync(string templateKey, string? segment, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var key in SegmentVariants.Candidates(templateKey, segment))
            if (await CurrentAsync(db, key, ct) is { } template) return template;
        return null;
    }

    /// <summary>Every key that has a version, for <see cref="SegmentVariants.KeyFor"/> over many steps at once.</summary>
    public static async Task<IReadOnlySet<string>> KeysAsync(CampaignDbContext db, CancellationToken ct) =>
        (await db.EmailTemplates.AsNoTracking().Select(t => t.Key).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The version of <paramref name="key"/> in use, or null when there is none.</summary>
    public async Task<EmailTemplate?> CurrentAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await CurrentAsync(db, key, ct);
    }

    /// <summary>The version in use of every key (tens of keys, so one query).</summary>
    public async Task<IReadOnlyList<EmailTemplate>> AllCurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.EmailTemplates.AsNoTracking()
            .GroupBy(t => t.Key).Select(g => g.OrderByDescending(t => t.Version).First()).ToListAsync(ct);
    }

    /// <summary>Saves a new version after validation; the old ones stay as history.</summary>
    public async Task<Outcome<EmailTemplate>> SaveAsync(string key, string subject, string body, string author, CancellationToken ct)
    {
        var errors = await renderer.ValidateAsync(subject, body);
        if (errors.Count > 0) return Outcome<EmailTemplate>.Conflict(string.Join(" ", errors));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var version = await db.EmailTemplates.Where(t => t.Key == key).Select(t => (int?)t.Version).MaxAsync(ct) ?? 0;
        var template = new EmailTemplate(key, version + 1, subject, body, author, time.GetUtcNow().UtcDateTime);
        db.EmailTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return Outcome<EmailTemplate>.Ok(template);
    }

    /// <summary>Puts the shipped text back, as a new version.</summary>
    public Task<Outcome<EmailTemplate>> RestoreDefaultAsync(string key, string author, CancellationToken ct) =>
        defaults.All.TryGetValue(key, out var source)
            ? SaveAsync(key, source.Subject, source.Body, author, ct)
            : Task.FromResult(Outcome<EmailTemplate>.NotFound($"There is no default template '{key}'."));

    /// <summary>
    /// At start: adds the shipped texts that are missing, then reports every current template that
    /// would not render, so a broken template is known before a step needs it.
    /// </summary>
    public async Task SeedAndCheckAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.EmailTemplates.Select(t => t.Key).Distinct().ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var source in defaults.All.Values.Where(s => !existing.Contains(s.Key)))
            db.EmailTemplates.Add(new EmailTemplate(source.Key, 1, source.Subject, source.Body, DefaultAuthor, now));
        await db.SaveChangesAsync(ct);

        var current = await db.EmailTemplates.GroupBy(t => t.Key).Select(g => g.OrderByDescending(t => t.Version).First()).ToListAsync(ct);
        foreach (var template in current)
        {
            var errors = await renderer.ValidateAsync(template.Subject, template.Body);
            if (errors.Count > 0)
                logger.LogError("Template {Key} v{Version} cannot be sent: {Errors}", template.Key, template.Version, string.Join(" ", errors));
        }
    }

    private static Task<EmailTemplate?> CurrentAsync(CampaignDbContext db, string key, CancellationToken ct) =>
        db.EmailTemplates.AsNoTracking().Where(t => t.Key == key).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
}
