using Christmas.Core.Contacts;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Simulation;

/// <summary>
/// The simulation's only database access: reads, untracked, in keyset pages, each page on a context
/// of its own (nothing is ever saved: the entities are played with in memory and dropped).
/// </summary>
public sealed class SimulationLoader(IDbContextFactory<CampaignDbContext> contexts)
{
    private const int Page = 1000;

    /// <summary>Every active sequence with its steps and contact, <see cref="Page"/> sequences at a time.</summary>
    internal async Task LoadActiveAsync(Dictionary<string, SimulatedContact> people, CancellationToken ct)
    {
        long lastId = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var page = await db.Sequences.AsNoTracking().Include(s => s.Steps).Include(s => s.Contact)
                .Where(s => s.Status == SequenceStatus.Active && s.Id > lastId)
                .OrderBy(s => s.Id).Take(Page).AsSplitQuery().ToListAsync(ct);
            if (page.Count == 0) return;
            lastId = page[^1].Id;
            var emails = page.Select(s => s.Contact!.Email).Where(e => !people.ContainsKey(e)).Distinct().ToList();
            var listed = await ListedAsync(db, emails, ct);
            foreach (var sequence in page)
            {
                var contact = sequence.Contact!;
                if (!people.TryGetValue(contact.Email, out var person))
                    people[contact.Email] = person = new SimulatedContact(contact, stored: true, Find(listed, contact.Email));
                person.Sequences.Add(sequence);
            }
        }
    }

    /// <summary>The named contacts as stored: every sequence of theirs (for dedupe and the gap) and their suppression entries.</summary>
    internal async Task LoadContactsAsync(Dictionary<string, SimulatedContact> people, IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        foreach (var chunk in emails.Distinct().Chunk(Page).Select(c => c.ToList()))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var found = await db.Contacts.AsNoTracking().Where(c => chunk.Contains(c.Email)).ToListAsync(ct);
            var ids = found.Select(c => c.Id).ToList();
            var sequences = await db.Sequences.AsNoTracking().Include(s => s.Steps)
                .Where(s => ids.Contains(s.ContactId)).OrderBy(s => s.Id).ToListAsync(ct);
            var listed = await ListedAsync(db, chunk, ct);
            foreach (var contact in found)
            {
                var person = people[contact.Email] = new SimulatedContact(contact, stored: true, Find(listed, contact.Email));
                person.Sequences.AddRange(sequences.Where(s => s.ContactId == contact.Id));
            }
            // Listed addresses without a contact yet: a call for them is refused a sequence, as the ingest does.
            foreach (var (email, entry) in listed.Where(l => !people.ContainsKey(l.Key)))
                people[email] = new SimulatedContact(new Contact(email, "", entry.Since), stored: false, entry);
        }
    }

    private static async Task<Dictionary<string, (SuppressionReason Reason, DateTime Since)>> ListedAsync(
        CampaignDbContext db, IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        if (emails.Count == 0) return [];
        var rows = await db.Suppressions.AsNoTracking().Where(s => emails.Contains(s.Email))
            .Select(s => new { s.Email, s.Reason, s.CreatedAt }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Email, r => (r.Reason, r.CreatedAt), StringComparer.Ordinal);
    }

    private static (SuppressionReason Reason, DateTime Since)? Find(Dictionary<string, (SuppressionReason Reason, DateTime Since)> listed, string email) =>
        listed.TryGetValue(email, out var entry) ? entry : null;
}
