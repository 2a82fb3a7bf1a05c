using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>
/// The contacts with an active sequence in keyset pages (the simulator's paging): a contact is whole in
/// one page, so its emails' minimum gap is seen, and a page can be planned, saved and dropped alone.
/// </summary>
public static class ActiveContactPages
{
    /// <summary>Untracked: a publish changes the sequences in memory and writes them set-based (<see cref="InFlightPageWriter"/>).</summary>
    public static async Task<List<ActiveContact>> ReadAsync(CampaignDbContext db, long afterContactId, int size, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.Id > afterContactId && db.Sequences.Any(s => s.ContactId == c.Id && s.Status == SequenceStatus.Active))
            .OrderBy(c => c.Id).Take(size).Select(c => new { c.Id, c.Email, c.TimeZone }).ToListAsync(ct);
        if (contacts.Count == 0) return [];
        // A key range rather than a list of ids: the (ContactId, Status) index serves it directly.
        var last = contacts[^1].Id;
        var sequences = (await db.Sequences.AsNoTracking().Include(s => s.Steps)
            .Where(s => s.ContactId > afterContactId && s.ContactId <= last && s.Status == SequenceStatus.Active)
            .OrderBy(s => s.Id).ToListAsync(ct)).ToLookup(s => s.ContactId);
        return contacts.Select(c => new ActiveContact(c.Id, c.Email, c.TimeZone, sequences[c.Id].ToList())).ToList();
    }
}
