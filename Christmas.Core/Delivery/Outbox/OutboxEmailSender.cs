using System.Text.Json;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Delivery.Outbox;

/// <summary>The default sender: stores each email in the database; nothing leaves the machine.</summary>
public sealed class OutboxEmailSender(IDbContextFactory<CampaignDbContext> contexts, TimeProvider time) : IEmailSender
{
    public async Task<string> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Same key, same message: a retried send is answered with the first one, like a provider's idempotency.
        var existing = await FindAsync(db, email.IdempotencyKey, cancellationToken);
        if (existing is not null) return existing;

        var message = new OutboxMessage($"outbox-{Guid.NewGuid():N}", email,
            JsonSerializer.Serialize(email.Variables), JsonSerializer.Serialize(email.Headers), time.GetUtcNow().UtcDateTime);
        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return message.MessageId;
        }
        catch (DbUpdateException)
        {
            // A concurrent send of the same key won the unique index.
            db.ChangeTracker.Clear();
            return await FindAsync(db, email.IdempotencyKey, cancellationToken)
                ?? throw new EmailSendException("The outbox could not store the message.", permanent: false);
        }
    }

    private static Task<string?> FindAsync(CampaignDbContext db, string key, CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.IdempotencyKey == key).Select(m => m.MessageId).FirstOrDefaultAsync(ct);
}
