using Christmas.Core.Audit;
using Christmas.Core.Contacts;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Delivery.Outbox;
using Christmas.Core.Executions;
using Christmas.Core.Notion.Mirror;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Privacy;

/// <summary>
/// Everything the database holds about one person: the contact, its sequences and steps (kept messages
/// included), the executions about them (by address, by sequence, or naming the address in their payload),
/// delivery events, suppression entries, Outbox messages, audit entries and Notion page links. What the
/// export writes out and the erasure redacts: one list, so the two cannot drift apart.
/// </summary>
public sealed class PersonalRecords
{
    public required Contact Contact { get; init; }
    /// <summary>With their steps.</summary>
    public required IReadOnlyList<Sequence> Sequences { get; init; }
    public required IReadOnlyList<Execution> Executions { get; init; }
    public required IReadOnlyList<DeliveryEvent> DeliveryEvents { get; init; }
    public required IReadOnlyList<Suppression> Suppressions { get; init; }
    public required IReadOnlyList<OutboxMessage> OutboxMessages { get; init; }
    public required IReadOnlyList<AuditEntry> AuditEntries { get; init; }
    public required IReadOnlyList<NotionPageLink> NotionPages { get; init; }
    /// <summary>How and when we got the address; null when unknown.</summary>
    public Contacts.Consent.ContactConsent? Consent { get; init; }

    public IEnumerable<Step> Steps => Sequences.SelectMany(s => s.Steps);

    /// <summary>
    /// Scans the tables whose text may name the address. A SQL search on the lower-cased text finds the
    /// candidates; the <see cref="AddressPattern"/> keeps those that hold the whole address (not "joann@..." for "ann@...").
    /// </summary>
    public static async Task<TextMatches> FindTextAsync(CampaignDbContext db, AddressPattern address, DateTime now, CancellationToken ct)
    {
        var email = address.Lower;
        var executions = await db.Executions.AsNoTracking()
            .Where(e => e.ContactEmail == email || e.PayloadJson.ToLower().Contains(email))
            .Select(e => new { e.Id, e.ContactEmail, e.PayloadJson }).ToListAsync(ct);
        var events = await db.DeliveryEvents.AsNoTracking().Where(e => e.PayloadJson.ToLower().Contains(email))
            .Select(e => new { e.Id, e.PayloadJson }).ToListAsync(ct);
        var outbox = await db.OutboxMessages.AsNoTracking().Where(m => m.To == email || m.VariablesJson.ToLower().Contains(email))
            .Select(m => new { m.Id, m.To, m.VariablesJson }).ToListAsync(ct);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Target.ToLower().Contains(email) || a.Detail!.ToLower().Contains(email))
            .Select(a => new { a.Id, a.Target, a.Detail }).ToListAsync(ct);
        return new TextMatches(
            executions.Where(e => e.ContactEmail == email || address.IsIn(e.PayloadJson)).Select(e => e.Id).ToList(),
            events.Where(e => address.IsIn(e.PayloadJson)).Select(e => e.Id).ToList(),
            outbox.Where(m => m.To == email || address.IsIn(m.VariablesJson)).Select(m => m.Id).ToList(),
            audit.Where(a => address.IsIn(a.Target) || address.IsIn(a.Detail)).Select(a => a.Id).ToList(),
            now);
    }

    /// <param name="tracked">Loaded for changing (the erasure), else read-only (the export).</param>
    /// <param name="text">From <see cref="FindTextAsync"/>, possibly on another context a moment earlier.</param>
    /// <returns>Null when no contact has the address.</returns>
    public static async Task<PersonalRecords?> LoadAsync(CampaignDbContext db, AddressPattern address, TextMatches text, bool tracked, CancellationToken ct)
    {
        IQueryable<T> Read<T>(IQueryable<T> query) where T : class => tracked ? query : query.AsNoTracking();
        var email = address.Lower;
        var contact = await Read(db.Contacts).FirstOrDefaultAsync(c => c.Email == email, ct);
        if (contact is null) return null;
        var sequences = await Read(db.Sequences).Include(s => s.Steps).Where(s => s.ContactId == contact.Id)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var sequenceIds = sequences.Select(s => s.Id).ToList();
        var steps = sequences.SelectMany(s => s.Steps).ToList();
        var stepIds = steps.Select(s => s.Id).ToList();
        var messageIds = steps.Where(s => s.ProviderMessageId != null).Select(s => s.ProviderMessageId!).ToList();

        var executions = await Read(db.Executions)
            .Where(e => text.ExecutionIds.Contains(e.Id) || (e.SequenceId != null && sequenceIds.Contains(e.SequenceId.Value))
                || (e.ReceivedAt >= text.ScannedAt && e.ContactEmail == email))
            .OrderBy(e => e.ReceivedAt).ToListAsync(ct);
        var events = await Read(db.DeliveryEvents)
            .Where(e => text.DeliveryEventIds.Contains(e.Id) || (e.StepId != null && stepIds.Contains(e.StepId.Value))
                || (e.EmailId != null && messageIds.Contains(e.EmailId)))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var outbox = await Read(db.OutboxMessages)
            .Where(m => text.OutboxMessageIds.Contains(m.Id) || m.To == email || stepIds.Contains(m.StepId))
            .OrderBy(m => m.Id).ToListAsync(ct);
        var targets = sequenceIds.Select(id => $"sequence {id}").Concat(stepIds.Select(id => $"step {id}")).Append(email).ToList();
        var audit = (await Read(db.AuditEntries)
            .Where(a => text.AuditEntryIds.Contains(a.Id) || targets.Contains(a.Target) || a.At >= text.ScannedAt)
            .OrderBy(a => a.Id).ToListAsync(ct))
            .Where(a => text.AuditEntryIds.Contains(a.Id) || targets.Contains(a.Target) || address.IsIn(a.Target) || address.IsIn(a.Detail))
            .ToList();
        var suppressions = await Read(db.Suppressions).Where(s => s.Email == email).ToListAsync(ct);
        var pages = await Read(db.NotionPages)
            .Where(p => (p.Kind == NotionPageKind.Contact && p.EntityId == contact.Id) || (p.Kind == NotionPageKind.Sequence && sequenceIds.Contains(p.EntityId)))
            .OrderBy(p => p.Id).ToListAsync(ct);
        var consent = await Read(db.ContactConsents).FirstOrDefaultAsync(c => c.ContactId == contact.Id, ct);
        return new PersonalRecords
        {
            Consent = consent,
            Contact = contact, Sequences = sequences, Executions = executions, DeliveryEvents = events, Suppressions = suppressions,
            OutboxMessages = outbox, AuditEntries = audit, NotionPages = pages,
        };
    }
}
