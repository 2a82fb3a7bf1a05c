using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Suppressions;

/// <summary>
/// The suppression list: adding an address marks its contact and ends every active sequence in the
/// same save, so from that commit on nothing more is scheduled to it; the send-time check stops the rest.
/// </summary>
public sealed class SuppressionList(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time, ILogger<SuppressionList> logger)
{
    public async Task<Suppression?> FindAsync(string email, CancellationToken ct)
    {
        var normalized = Key(email);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Suppressions.AsNoTracking().FirstOrDefaultAsync(s => s.Email == normalized, ct);
    }

    /// <summary>Newest first; <paramref name="search"/> matches part of the address.</summary>
    public async Task<Page<Suppression>> SearchAsync(string? search, PageRequest page, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Suppressions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + ContactQueries.EscapeLike(search.Trim().ToLowerInvariant()) + "%";
            query = query.Where(s => EF.Functions.Like(s.Email, pattern, "\\"));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Email).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Page<Suppression>(items, total, page.Page, page.Size);
    }

    /// <summary>Adds the address in its own save (retried when a send claims a step meanwhile).</summary>
    /// <returns>False when the address was already on the list (the first entry stays).</returns>
    public async Task<bool> AddAsync(string email, SuppressionReason reason, string source, string? detail, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var added = await AddAsync(db, email, reason, source, detail, time.GetUtcNow().UtcDateTime, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return added;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A step was claimed by a send meanwhile (it stops at its own check): reload and try again.
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Added at the same moment by another writer (unique key): the next round finds it.
            }
        }
    }

    /// <summary>
    /// Adds the address and ends the contact's sequences on <paramref name="db"/>; the caller saves
    /// (the delivery loop saves it with the event that caused it). An address already listed still has
    /// its contact's remaining active sequences ended, so an interrupted earlier add is completed.
    /// </summary>
    public async Task<bool> AddAsync(CampaignDbContext db, string email, SuppressionReason reason, string source, string? detail,
        DateTime now, CancellationToken ct)
    {
        var normalized = Key(email);
        var existing = db.Suppressions.Local.FirstOrDefault(s => s.Email == normalized)
            ?? await db.Suppressions.FirstOrDefaultAsync(s => s.Email == normalized, ct);
        if (existing is null) db.Suppressions.Add(new Suppression(normalized, reason, source, detail, now));
        var effective = existing?.Reason ?? reason;

        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Email == normalized, ct);
        if (contact is null) return existing is null;
        contact.Suppress(StatusFor(effective), now);
        var active = await db.Sequences.Include(s => s.Steps)
            .Where(s => s.ContactId == contact.Id && s.Status == SequenceStatus.Active).ToListAsync(ct);
        var why = EndedReason(effective);
        foreach (var sequence in active) sequence.End(why, now);
        if (existing is null)
            logger.LogInformation("Contact {ContactId} suppressed ({Reason}, {Source}); {Count} sequences ended", contact.Id, effective, source, active.Count);
        return existing is null;
    }

    /// <summary>An Admin takes the address off the list: it may be mailed again by later sequences (ended ones stay ended).</summary>
    /// <returns>False when it was not on the list.</returns>
    public async Task<bool> RemoveAsync(string email, CancellationToken ct)
    {
        var normalized = Key(email);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.Suppressions.FirstOrDefaultAsync(s => s.Email == normalized, ct);
        if (entry is null) return false;
        db.Suppressions.Remove(entry);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Email == normalized, ct);
        contact?.Reactivate(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The send-time check, on the send's own context: a listed address stops the send even when its
    /// contact row missed the change (an add interrupted, or racing this send's claim).
    /// </summary>
    /// <param name="erasedKey">The address's keyed hash (<see cref="Privacy.ErasedAddresses"/>): an erased person's entry holds only that.</param>
    /// <returns>The reason to abandon the step with ("bounced", "suppressed", ...), or null to send.</returns>
    public static async Task<string?> StopReasonAsync(CampaignDbContext db, string email, string erasedKey, CancellationToken ct)
    {
        var key = Key(email);
        // Both keys are the primary key: one indexed lookup each.
        var reason = await db.Suppressions.Where(s => s.Email == key || s.Email == erasedKey)
            .Select(s => (SuppressionReason?)s.Reason).FirstOrDefaultAsync(ct);
        return reason is { } r ? EndedReason(r) : null;
    }

    /// <summary>The list's key: trimmed and lower-cased like a contact's email (callers check validity first).</summary>
    public static string Key(string email) => email.Trim().ToLowerInvariant();

    public static ContactStatus StatusFor(SuppressionReason reason) => reason switch
    {
        SuppressionReason.Unsubscribed => ContactStatus.Unsubscribed,
        SuppressionReason.Bounced => ContactStatus.Bounced,
        SuppressionReason.Complained => ContactStatus.Complained,
        _ => ContactStatus.Suppressed,
    };

    /// <summary>The reason on the ended sequences and their cancelled steps: "unsubscribed", "bounced", "complained", "suppressed".</summary>
    public static string EndedReason(SuppressionReason reason) =>
        reason == SuppressionReason.Erased ? Privacy.ErasedAddresses.EndedReason : StatusFor(reason).ToApiName();
}
