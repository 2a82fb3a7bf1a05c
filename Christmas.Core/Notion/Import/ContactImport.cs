using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Notion.Import;

/// <summary>
/// Brings the team's Contacts database into ours: every page (cursor-paginated), several pages of one
/// email merged into one contact (per field, the most recently edited page that has a value wins),
/// and a second run changes nothing. Contacts are written through EF, so the change feed (and with it
/// the mirror) hears of them; the mirror then finds the oldest page of each email and keeps it.
/// </summary>
public sealed class ContactImport(
    NotionSchemas schemas, NotionClients clients, IDbContextFactory<CampaignDbContext> contexts,
    AuditLog audit, Privacy.ErasedAddresses erased, IOptions<NotionOptions> options, TimeProvider time)
{
    private const int WriteBatch = 200;

    public async Task<Outcome<ContactImportSummary>> RunAsync(bool dryRun, string actor, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (!options.Value.IsConfigured) return Outcome<ContactImportSummary>.Conflict(NotionOperations.NotConfigured);
        if (string.IsNullOrWhiteSpace(options.Value.ContactsDatabaseId))
            return Outcome<ContactImportSummary>.Conflict("Notion:ContactsDatabaseId is not set.");
        await schemas.RefreshAsync(ct);
        if (schemas.Contacts is not { IsUsable: true } mapping)
            return Outcome<ContactImportSummary>.Conflict($"The Contacts database cannot be read: {schemas.Contacts?.Error ?? "it needs a title and an Email property"}.");

        var (byEmail, skipped, pages) = await ReadAsync(mapping, progress, ct);
        await LeaveOutErasedAsync(byEmail, skipped, ct);
        var merged = byEmail.Where(g => g.Value.Count > 1)
            .Select(g => new ImportMerge(g.Key, g.Value.Select(p => p.Page.Id).ToList())).ToList();
        var (created, updated, unchanged) = await WriteAsync(byEmail.Values.Select(Merge).ToList(), dryRun, progress, ct);

        var summary = new ContactImportSummary(dryRun, pages, created, updated, unchanged, skipped, merged);
        await audit.RecordAsync(actor, dryRun ? "notion.import.contacts.dry-run" : "notion.import.contacts", "notion",
            $"{pages} page(s): {created} created, {updated} updated, {unchanged} unchanged, {skipped.Count} skipped, {merged.Count} email(s) merged", ct);
        return Outcome<ContactImportSummary>.Ok(summary);
    }

    private async Task<(Dictionary<string, List<(NotionPage Page, ImportedContact Contact)>>, List<ImportSkip>, int)> ReadAsync(
        DatabaseMapping mapping, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var byEmail = new Dictionary<string, List<(NotionPage, ImportedContact)>>(StringComparer.Ordinal);
        var skipped = new List<ImportSkip>();
        var pages = 0;
        await foreach (var page in clients.Create().QueryAllAsync(mapping.DataSourceId!, null, ct))
        {
            if (++pages % NotionClient.MaxPageSize == 0) progress?.Report(new ImportProgress("reading", pages, null));
            if (OldContactPage.Read(page, mapping, out var reason) is not { } contact)
            {
                skipped.Add(new ImportSkip(page.Id, reason!));
                continue;
            }
            if (contact.FirstName is null)
            {
                skipped.Add(new ImportSkip(page.Id, $"{contact.Email}: no name in the title property"));
                continue;
            }
            if (!byEmail.TryGetValue(contact.Email, out var list)) byEmail[contact.Email] = list = [];
            list.Add((page, contact));
        }
        progress?.Report(new ImportProgress("reading", pages, pages));
        return (byEmail, skipped, pages);
    }

    /// <summary>People erased on request are never brought back (the skip does not name the address).</summary>
    private async Task LeaveOutErasedAsync(Dictionary<string, List<(NotionPage Page, ImportedContact Contact)>> byEmail, List<ImportSkip> skipped, CancellationToken ct)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var email in byEmail.Keys) keys[await erased.KeyAsync(email, ct)] = email;
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var chunk in keys.Keys.Chunk(500))
        {
            foreach (var key in await db.Suppressions.Where(s => chunk.Contains(s.Email)).Select(s => s.Email).ToListAsync(ct))
            {
                skipped.AddRange(byEmail[keys[key]].Select(p => new ImportSkip(p.Page.Id, "erased on request: not imported")));
                byEmail.Remove(keys[key]);
            }
        }
    }

    /// <summary>One contact from several pages: per field, the latest edited page with a value.</summary>
    private static ImportedContact Merge(List<(NotionPage Page, ImportedContact Contact)> pages)
    {
        var latestFirst = pages.OrderByDescending(p => p.Page.LastEditedTime).Select(p => p.Contact).ToList();
        T? Pick<T>(Func<ImportedContact, T?> read) => latestFirst.Select(read).FirstOrDefault(v => v is not null);
        return new ImportedContact(latestFirst[0].Email, Pick(c => c.FirstName), Pick(c => c.BusinessName),
            Pick(c => c.RedSystems), Pick(c => c.OrangeSystems), Pick(c => c.YellowSystems), Pick(c => c.GreenSystems),
            Pick(c => c.WeakestSystem1), Pick(c => c.WeakestSystem2), Pick(c => c.RevenueLeakTotal), Pick(c => c.Segment),
            // A suppression on any page wins: one page saying "unsubscribed" is enough not to mail the person.
            latestFirst.Select(c => c.Status).FirstOrDefault(s => s is not null and not ContactStatus.Active) ?? Pick(c => c.Status));
    }

    private async Task<(int Created, int Updated, int Unchanged)> WriteAsync(List<ImportedContact> contacts, bool dryRun,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var (created, updated, unchanged) = (0, 0, 0);
        for (var start = 0; start < contacts.Count; start += WriteBatch)
        {
            var batch = contacts.Skip(start).Take(WriteBatch).ToList();
            var emails = batch.Select(c => c.Email).ToList();
            await using var db = await contexts.CreateDbContextAsync(ct);
            var existing = await db.Contacts.Where(c => emails.Contains(c.Email)).ToDictionaryAsync(c => c.Email, ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var data in batch)
            {
                if (!existing.TryGetValue(data.Email, out var contact))
                {
                    contact = new Contact(data.Email, data.FirstName!, now);
                    contact.ApplyImport(data, now);
                    db.Contacts.Add(contact);
                    created++;
                }
                else if (contact.ApplyImport(data, now)) updated++;
                else unchanged++;
            }
            if (!dryRun) await db.SaveChangesAsync(ct);
            progress?.Report(new ImportProgress(dryRun ? "checking" : "writing", Math.Min(start + WriteBatch, contacts.Count), contacts.Count));
        }
        return (created, updated, unchanged);
    }
}
