using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Christmas.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Privacy;

/// <summary>
/// Erases a person on request. Their rows stay, so every count stays true, but hold nothing of them: the
/// contact keeps a placeholder address, sequences end and lose their payload, kept messages go, executions,
/// delivery events and Outbox messages lose their payloads and content, the address leaves log lines and
/// audit entries, and the suppression list keeps only the address's keyed hash, so a later webhook starts
/// nothing. One unit of the webhooks' writer: a call for the same address lands wholly before or after it.
/// The Notion mirror sees the change in the feed and trashes the pages.
/// </summary>
public sealed class ContactEraser(
    IDbContextFactory<CampaignDbContext> contexts,
    GroupCommitWriter writer,
    ErasedAddresses erased,
    AuditLog audit,
    SqlDialect dialect,
    TimeProvider time,
    ILogger<ContactEraser> logger)
{
    public const string Action = "contact.erase";
    public const string Source = "erasure on request";

    public async Task<Outcome<ErasureSummary>> EraseAsync(string email, string actor, CancellationToken ct)
    {
        if (EmailAddress.Normalize(email, out var normalized) is { } error) return Outcome<ErasureSummary>.Invalid($"email {error}");
        var address = new AddressPattern(normalized!);
        var key = await erased.KeyAsync(normalized!, ct);
        TextMatches text;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // An erased contact's placeholder address is not a person: nothing more to erase.
            if (!await db.Contacts.AnyAsync(c => c.Email == address.Lower && c.ErasedAt == null, ct))
                return Outcome<ErasureSummary>.NotFound($"No contact has the email '{normalized}'.");
            // The scans run here, not in the writer: webhooks wait for nothing but the writes.
            text = await PersonalRecords.FindTextAsync(db, address, time.GetUtcNow().UtcDateTime, ct);
        }

        Outcome<ErasureSummary> outcome;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // On the address's lane: a webhook for it meanwhile runs before or after the erasure, never beside it.
                outcome = await writer.RunAsync((batch, token) => EraseAsync(batch.Db, address, key, text, token), normalized, ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A send claimed one of the steps meanwhile: read again (the next round may answer "being sent").
            }
        }
        if (outcome.Value is not { } summary) return outcome;
        logger.LogInformation("Contact {ContactId} erased on request ({Redacted})", summary.ContactId, summary.Redacted);
        await audit.RecordAsync(actor, Action, key, summary.Redacted, ct);
        await PurgeAsync(ct);
        return outcome;
    }

    private async Task<Outcome<ErasureSummary>> EraseAsync(CampaignDbContext db, AddressPattern address, string key, TextMatches text, CancellationToken ct)
    {
        if (await PersonalRecords.LoadAsync(db, address, text, tracked: true, ct) is not { Contact.IsErased: false } records)
            return Outcome<ErasureSummary>.NotFound($"No contact has the email '{address.Lower}'.");
        if (records.Steps.Any(s => s.Status == StepStatus.Sending))
            return Outcome<ErasureSummary>.Conflict("An email to this person is being sent right now; try again in a minute.");

        var now = time.GetUtcNow().UtcDateTime;
        var contact = records.Contact;
        var placeholder = Contact.ErasedEmail(contact.Id);
        var redacted = ContactExport.Counts(records);
        foreach (var sequence in records.Sequences)
        {
            sequence.End(ErasedAddresses.EndedReason, now);
            sequence.RedactPayload();
            foreach (var step in sequence.Steps) step.Redact(address.Redact);
        }
        contact.Erase(now);
        foreach (var execution in records.Executions) execution.Redact(WebhookIngestor.ErasedPayload, placeholder, address.Redact);
        foreach (var e in records.DeliveryEvents) e.Redact(WebhookIngestor.ErasedPayload);
        foreach (var message in records.OutboxMessages) message.Redact(placeholder);
        foreach (var entry in records.AuditEntries)
        {
            entry.Target = address.Redact(entry.Target);
            entry.Detail = entry.Detail is null ? null : address.Redact(entry.Detail);
        }
        // The wording, IP and file name are the person's: the record goes with the rest.
        if (records.Consent is { } consent) db.ContactConsents.Remove(consent);
        db.Suppressions.RemoveRange(records.Suppressions);
        if (!await db.Suppressions.AnyAsync(s => s.Email == key, ct))
            db.Suppressions.Add(new Suppression(key, SuppressionReason.Erased, Source, null, now));
        await db.SaveChangesAsync(ct);
        return Outcome<ErasureSummary>.Ok(new ErasureSummary(contact.Id, key, redacted, now));
    }

    /// <summary>Old copies of the rows (SQLite's write-ahead log) are checkpointed away; a failure here leaves the erasure done.</summary>
    private async Task PurgeAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await dialect.PurgeAsync(db, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("After an erasure, purging old row copies failed: {Error}", ex.Message);
        }
    }
}
