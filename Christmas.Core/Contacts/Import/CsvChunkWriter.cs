using Christmas.Core.Contacts.Consent;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Contacts.Import;

/// <summary>
/// Applies one chunk of good rows on a context: the existing contacts and list entries of the chunk in one
/// query each, then one save (the change feed hears of every contact written). Never starts a sequence.
/// New contacts, the bulk of an import, go in through the webhook's prepared statements (EF's save of a
/// thousand contacts and their consent records took 0.45 s a chunk and held the writer that long).
/// </summary>
public sealed class CsvChunkWriter(TimeProvider time, IngestStore store)
{
    public const string ErasedMessage = "this person was erased on request: not imported.";

    /// <param name="erasedKeys">Each address's keyed hash: an erased person is listed under it and never brought back.</param>
    /// <param name="seen">Addresses of earlier rows (a dry run wrote none of them); this chunk's are added.</param>
    /// <param name="batch">The group-commit writer's unit the chunk is written in; null for a dry run (nothing is saved).</param>
    public async Task<CsvChunkCounts> ApplyAsync(CampaignDbContext db, WriteBatch? batch, IReadOnlyList<CsvImportRow> rows, IReadOnlyDictionary<string, string> erasedKeys,
        CsvImportContext context, HashSet<string> seen, string emailHeader, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var emails = rows.Select(r => r.Contact.Email).Distinct().ToList();
        var keys = emails.Select(e => erasedKeys[e]).ToList();
        var listed = await db.Suppressions.AsNoTracking().Where(s => emails.Contains(s.Email) || keys.Contains(s.Email))
            .ToDictionaryAsync(s => s.Email, s => s.Reason, ct);
        var contacts = await db.Contacts.Where(c => emails.Contains(c.Email)).ToDictionaryAsync(c => c.Email, ct);
        var counts = context.Mode == CsvImportMode.Suppress
            ? (await SuppressAsync(db, rows, listed, contacts, erasedKeys, context, seen, now, ct), [])
            : await UpsertAsync(db, rows, listed, contacts, erasedKeys, context, seen, emailHeader, now, ct);
        if (batch is null) return counts.Counts;
        await db.SaveChangesAsync(ct);
        foreach (var (contact, consent) in counts.Created)
        {
            var id = await store.SaveContactAsync(batch, contact, created: true, givenId: null, ct);
            await store.InsertImportConsentAsync(batch, id, consent, ct);
            await store.AppendChangeAsync(batch, Changes.ChangeEntity.Contact, id, now, ct);
        }
        return counts.Counts;
    }

    private static async Task<(CsvChunkCounts Counts, List<(Contact, ContactConsent)> Created)> UpsertAsync(CampaignDbContext db, IReadOnlyList<CsvImportRow> rows, Dictionary<string, SuppressionReason> listed,
        Dictionary<string, Contact> contacts, IReadOnlyDictionary<string, string> erasedKeys, CsvImportContext context, HashSet<string> seen,
        string emailHeader, DateTime now, CancellationToken ct)
    {
        var emailOf = contacts.Values.ToDictionary(c => c.Id, c => c.Email);
        var ids = emailOf.Keys.ToList();
        // Only a row with wording can change a recorded consent.
        var consents = rows.Any(r => r.ConsentText is not null)
            ? (await db.ContactConsents.Where(c => ids.Contains(c.ContactId)).ToListAsync(ct)).ToDictionary(c => emailOf[c.ContactId])
            : [];
        var (created, updated, skipped) = (0, 0, 0);
        var errors = new List<CsvImportError>();
        // Inserted after the loop: a later row of the chunk for the same address still changes them.
        var fresh = new List<(Contact, ContactConsent)>();
        foreach (var row in rows)
        {
            var email = row.Contact.Email;
            if (listed.ContainsKey(erasedKeys[email]))
            {
                errors.Add(new CsvImportError(row.Row, emailHeader, ErasedMessage));
                skipped++;
                continue;
            }
            var known = contacts.TryGetValue(email, out var contact) || seen.Contains(email);
            seen.Add(email);
            if (known && context.Mode == CsvImportMode.SkipExisting) skipped++;
            else if (known)
            {
                // A dry run's earlier chunk "created" it without writing: it counts as an update.
                var changed = contact is null || contact.ApplyImport(row.Contact, now);
                if (row.ConsentText is not null && consents.TryGetValue(email, out var consent) && consent.ShouldBeReplacedBy(row.ConsentText))
                {
                    consent.ReplaceWith(Consent(contact!, row, context, now));
                    changed = true;
                }
                if (changed) updated++;
                else skipped++;
            }
            else
            {
                contact = new Contact(email, row.Contact.FirstName ?? "", now);
                contact.ApplyImport(row.Contact, now);
                // Like a webhook's: a contact created while its address is on the list starts suppressed.
                if (listed.TryGetValue(email, out var reason)) contact.Suppress(SuppressionList.StatusFor(reason), now);
                contacts[email] = contact;
                var consent = Consent(contact, row, context, now);
                consents[email] = consent;
                fresh.Add((contact, consent));
                created++;
            }
        }
        return (new CsvChunkCounts(created, updated, skipped, 0, errors), fresh);
    }

    private static ContactConsent Consent(Contact contact, CsvImportRow row, CsvImportContext context, DateTime now) =>
        ContactConsent.FromImport(contact, context.File, row.Row, context.Actor, row.ConsentAt ?? now, row.ConsentText, row.ConsentIp);

    /// <summary>Each new address goes on the list; its contact (if any) is marked and its active sequences end, as a manual entry would.</summary>
    private static async Task<CsvChunkCounts> SuppressAsync(CampaignDbContext db, IReadOnlyList<CsvImportRow> rows, Dictionary<string, SuppressionReason> listed,
        Dictionary<string, Contact> contacts, IReadOnlyDictionary<string, string> erasedKeys, CsvImportContext context, HashSet<string> seen,
        DateTime now, CancellationToken ct)
    {
        var (suppressed, skipped) = (0, 0);
        var ended = new Dictionary<long, SuppressionReason>();
        var source = $"import: {context.File}";
        if (source.Length > 300) source = source[..300];
        foreach (var row in rows)
        {
            var email = row.Contact.Email;
            // An erased person is listed under the hash only: the address itself must not be stored again.
            if (listed.ContainsKey(email) || listed.ContainsKey(erasedKeys[email]) || !seen.Add(email))
            {
                skipped++;
                continue;
            }
            db.Suppressions.Add(new Suppression(email, row.Reason, source, $"row {row.Row}, imported by {context.Actor}", now));
            listed[email] = row.Reason;
            suppressed++;
            if (contacts.TryGetValue(email, out var contact) && contact.Suppress(SuppressionList.StatusFor(row.Reason), now))
                ended[contact.Id] = row.Reason;
        }
        if (ended.Count > 0)
        {
            var ids = ended.Keys.ToList();
            var active = await db.Sequences.Include(s => s.Steps)
                .Where(s => ids.Contains(s.ContactId) && s.Status == SequenceStatus.Active).ToListAsync(ct);
            foreach (var sequence in active) sequence.End(SuppressionList.EndedReason(ended[sequence.ContactId]), now);
        }
        return new CsvChunkCounts(0, 0, skipped, suppressed, []);
    }
}
