using System.Runtime.CompilerServices;
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
public sealed class SimulationLoader(IDbContextFactory<CampaignDbContext> contexts, Privacy.ErasedAddresses erased)
{
    private const int Page = 1000;

    /// <summary>
    /// The contacts with an active sequence, <see cref="Page"/> at a time in keyset order, each with its active
    /// sequences and steps: a contact is whole in one page, so a page can be played alone and dropped.
    /// </summary>
    internal async IAsyncEnumerable<Dictionary<string, SimulatedContact>> ActivePagesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        long lastId = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var contacts = await db.Contacts.AsNoTracking()
                .Where(c => c.Id > lastId && db.Sequences.Any(s => s.ContactId == c.Id && s.Status == SequenceStatus.Active))
                .OrderBy(c => c.Id).Take(Page).ToListAsync(ct);
            if (contacts.Count == 0) yield break;
            lastId = contacts[^1].Id;
            var ids = contacts.Select(c => c.Id).ToList();
            var sequences = await db.Sequences.AsNoTracking().Include(s => s.Steps)
                .Where(s => ids.Contains(s.ContactId) && s.Status == SequenceStatus.Active).OrderBy(s => s.Id).ToListAsync(ct);
            var listed = await ListedAsync(db, contacts.Select(c => c.Email).ToList(), ct);
            var people = new Dictionary<string, SimulatedContact>(StringComparer.Ordinal);
            var byId = new Dictionary<long, SimulatedContact>();
            foreach (var contact in contacts)
                people[contact.Email] = byId[contact.Id] = new SimulatedContact(contact, stored: true, Find(listed, contact.Email));
            foreach (var sequence in sequences) byId[sequence.ContactId].Sequences.Add(sequence);
            yield return people;
        }
    }

    /// <summary>The named contacts as stored: every sequence of theirs (for dedupe and the gap) and their suppression entries.</summary>
    internal async Task<Dictionary<string, SimulatedContact>> LoadContactsAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        var people = new Dictionary<string, SimulatedContact>(StringComparer.Ordinal);
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
            // Erased people are listed under their address's keyed hash only, which the ingest also checks.
            foreach (var (email, entry) in await ErasedAsync(db, chunk.Where(e => !people.ContainsKey(e)).ToList(), ct))
                people[email] = new SimulatedContact(new Contact(email, "", entry.Since), stored: false, entry);
        }
        return people;
    }

    private static async Task<Dictionary<string, (SuppressionReason Reason, DateTime Since)>> ListedAsync(
        CampaignDbContext db, IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        if (emails.Count == 0) return [];
        var rows = await db.Suppressions.AsNoTracking().Where(s => emails.Contains(s.Email))
            .Select(s => new { s.Email, s.Reason, s.CreatedAt }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Email, r => (r.Reason, r.CreatedAt), StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, (SuppressionReason Reason, DateTime Since)>> ErasedAsync(
        CampaignDbContext db, List<string> emails, CancellationToken ct)
    {
        if (emails.Count == 0 || !await erased.MayHaveKeysAsync(ct)) return [];
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var email in emails) keys[await erased.KeyAsync(email, ct)] = email;
        var listed = await ListedAsync(db, keys.Keys.ToList(), ct);
        return listed.ToDictionary(l => keys[l.Key], l => l.Value, StringComparer.Ordinal);
    }

    private static (SuppressionReason Reason, DateTime Since)? Find(Dictionary<string, (SuppressionReason Reason, DateTime Since)> listed, string email) =>
        listed.TryGetValue(email, out var entry) ? entry : null;
}
