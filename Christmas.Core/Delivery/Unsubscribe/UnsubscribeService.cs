using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Delivery.Unsubscribe;

/// <summary>What an unsubscribe link does: the contact leaves the list and all its sequences end.</summary>
public sealed class UnsubscribeService(
    IDbContextFactory<CampaignDbContext> contexts,
    UnsubscribeTokens tokens,
    TimeProvider time,
    ILogger<UnsubscribeService> logger)
{
    public const string Reason = "unsubscribed";

    /// <returns>The contact's email, masked for display; null for an invalid link.</returns>
    public async Task<string?> DescribeAsync(string token, CancellationToken ct)
    {
        if (await tokens.ReadAsync(token, ct) is not { } contactId) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var email = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.Email).FirstOrDefaultAsync(ct);
        return email is null ? null : Mask(email);
    }

    /// <returns>The masked email, or null for an invalid link. Unsubscribing twice is not an error.</returns>
    public async Task<string?> UnsubscribeAsync(string token, CancellationToken ct)
    {
        if (await tokens.ReadAsync(token, ct) is not { } contactId) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return null;
        // The status first, on its own: from this commit on, the send-time check stops every email.
        if (contact.Unsubscribe(time.GetUtcNow().UtcDateTime)) await db.SaveChangesAsync(ct);
        await EndSequencesAsync(contactId, ct);
        return Mask(contact.Email);
    }

    /// <summary>Ends the contact's active sequences; also on a repeated click, so an interrupted first one is completed.</summary>
    private async Task EndSequencesAsync(long contactId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var active = await db.Sequences.Include(s => s.Steps)
                .Where(s => s.ContactId == contactId && s.Status == SequenceStatus.Active).ToListAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var sequence in active) sequence.End(Reason, now);
            try
            {
                await db.SaveChangesAsync(ct);
                if (active.Count > 0) logger.LogInformation("Contact {ContactId} unsubscribed; {Count} sequences ended", contactId, active.Count);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A step was claimed by a send meanwhile (that send stops at its own check): reload and try again.
            }
        }
    }

    /// <summary>"sa***@example.com": enough for the person to recognise, not a list of addresses for a link scanner.</summary>
    private static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 2 ? "***" + email[at..] : email[..2] + "***" + email[at..];
    }
}
