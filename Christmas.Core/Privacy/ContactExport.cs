using System.Text.Json.Nodes;
using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Privacy;

/// <summary>"Everything you hold about me": one JSON document of a person's records (<see cref="PersonalRecords"/>), audited.</summary>
public sealed class ContactExport(IDbContextFactory<CampaignDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public const string Action = "contact.export";

    public async Task<Outcome<JsonObject>> ExportAsync(string email, string actor, CancellationToken ct)
    {
        if (EmailAddress.Normalize(email, out var normalized) is { } error) return Outcome<JsonObject>.Invalid($"email {error}");
        var address = new AddressPattern(normalized!);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var text = await PersonalRecords.FindTextAsync(db, address, now, ct);
        if (await PersonalRecords.LoadAsync(db, address, text, tracked: false, ct) is not { } records)
            return Outcome<JsonObject>.NotFound($"No contact has the email '{normalized}'.");
        await audit.RecordAsync(actor, Action, normalized!, Counts(records), ct);
        return Outcome<JsonObject>.Ok(ExportDocument.Build(records, now));
    }

    /// <summary>What a person's records count, for the audit log: "contact 12: 2 sequences, 9 steps, ...".</summary>
    public static string Counts(PersonalRecords r) =>
        $"contact {r.Contact.Id}: {r.Sequences.Count} sequences, {r.Steps.Count()} steps, {r.Executions.Count} executions, " +
        $"{r.DeliveryEvents.Count} delivery events, {r.OutboxMessages.Count} outbox messages, {r.Suppressions.Count} suppression entries, " +
        $"{r.AuditEntries.Count} audit entries, {r.NotionPages.Count} Notion pages" + (r.Consent is null ? "" : ", a consent record");
}
