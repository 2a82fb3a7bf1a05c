using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Delivery.Unsubscribe;

/// <summary>What an unsubscribe link does: the address goes on the suppression list and every sequence of the contact ends.</summary>
public sealed class UnsubscribeService(
    IDbContextFactory<CampaignDbContext> contexts,
    UnsubscribeTokens tokens,
    SuppressionList suppressions,
    TimeProvider time)
{
    public const string Reason = "unsubscribed";
    public const string Source = "unsubscribe link";

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
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var email = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.Email).FirstOrDefaultAsync(ct);
            if (email is null) return null;
            var now = time.GetUtcNow().UtcDateTime;
            // Also on a repeated click, so an interrupted first one is completed.
            if (await suppressions.AddAsync(db, email, SuppressionReason.Unsubscribed, Source, null, now, ct))
                await CreditLatestEmailAsync(db, contactId, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return Mask(email);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A step was claimed by a send meanwhile (that send stops at its own check): reload and try again.
            }
        }
    }

    /// <summary>The funnel's "unsubscribed": the last email the contact got is the one it left from.</summary>
    private static async Task CreditLatestEmailAsync(CampaignDbContext db, long contactId, CancellationToken ct)
    {
        var latest = await db.Steps
            .Where(s => s.Sequence!.ContactId == contactId && s.Status == StepStatus.Sent && s.SentBy == SentBy.Scheduler)
            .OrderByDescending(s => s.SentAt).FirstOrDefaultAsync(ct);
        latest?.RecordUnsubscribe();
    }

    /// <summary>"sa***@example.com": enough for the person to recognise, not a list of addresses for a link scanner.</summary>
    private static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 2 ? "***" + email[at..] : email[..2] + "***" + email[at..];
    }
}
