using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Notion.Mirror;

/// <summary>Reads a contact or a sequence as it is now and lays it out in DESIGN.md's fields.</summary>
public static class PageContentLoader
{
    /// <returns>Null when the entity no longer exists.</returns>
    public static async Task<PageContent?> LoadAsync(CampaignDbContext db, NotionPageLink link, CancellationToken ct) =>
        link.Kind == NotionPageKind.Contact ? await ContactAsync(db, link.EntityId, ct) : await SequenceAsync(db, link.EntityId, ct);

    private static async Task<PageContent?> ContactAsync(CampaignDbContext db, long id, CancellationToken ct)
    {
        var c = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        if (c.IsErased) return PageContent.ErasedPerson(c.Email);
        // By foreign keys (sequences by contact, steps by sequence), filtered here: with Status in SQL, SQLite
        // walked the status index over every sent step instead (1.2 s at 285,000 sent steps, bench/README.md).
        var sequenceIds = await db.Sequences.AsNoTracking().Where(q => q.ContactId == id).Select(q => q.Id).ToListAsync(ct);
        var steps = await db.Steps.AsNoTracking().Where(s => sequenceIds.Contains(s.SequenceId))
            .Select(s => new { s.Status, s.SentAt }).ToListAsync(ct);
        var lastEmail = steps.Where(s => s.Status == StepStatus.Sent).Max(s => s.SentAt);
        var values = new Dictionary<string, object?>
        {
            [NotionField.Title] = c.FirstName,
            ["Email"] = c.Email,
            ["BusinessName"] = c.BusinessName,
            ["Segment"] = c.Segment?.ToSegmentName(),
            ["RedSystems"] = c.RedSystems,
            ["OrangeSystems"] = c.OrangeSystems,
            ["YellowSystems"] = c.YellowSystems,
            ["GreenSystems"] = c.GreenSystems,
            ["WeakestSystem1"] = c.WeakestSystem1,
            ["WeakestSystem2"] = c.WeakestSystem2,
            ["RevenueLeak"] = c.RevenueLeakTotal,
            ["Status"] = c.Status.ToApiName(),
            ["LastEmailSent"] = lastEmail,
        };
        return new PageContent(values, c.Email, c.FirstName, null, null);
    }

    private static async Task<PageContent?> SequenceAsync(CampaignDbContext db, long id, CancellationToken ct)
    {
        var s = await db.Sequences.AsNoTracking().Include(x => x.Steps).Include(x => x.Contact).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s?.Contact is not { } contact) return null;
        if (contact.IsErased) return PageContent.ErasedPerson(contact.Email);
        var kind = s.Kind;
        var title = $"{contact.Email} {kind}";
        var values = new Dictionary<string, object?>
        {
            [NotionField.Title] = title,
            ["Email"] = contact.Email,
            ["SequenceType"] = kind,
            ["Segment"] = contact.Segment?.ToSegmentName(),
            ["StartedAt"] = s.CreatedAt,
            ["Status"] = s.Status.ToApiName(),
        };
        for (var n = 1; n <= NotionFieldCatalog.TrackerSteps; n++)
        {
            var step = s.Steps.FirstOrDefault(x => x.Number == n);
            values[$"Email{n}Sent"] = step?.SentAt;
            values[$"Email{n}Status"] = step?.Status.ToApiName();
            values[$"Email{n}ResendId"] = step?.ProviderMessageId;
            values[$"Email{n}SentBy"] = step?.SentBy?.ToApiName();
        }
        return new PageContent(values, contact.Email, title, kind, s.CreatedAt);
    }
}
