using Christmas.Core.Campaign.Engine;
using Christmas.Core.Campaign.Live;
using Christmas.Core.Common;
using Christmas.Core.Persistence;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Webhooks;

/// <summary>The manual trigger's preview: the ingestor's plan for a valid input, in the current mode, with nothing written.</summary>
public sealed class TriggerDryRun(
    IDbContextFactory<CampaignDbContext> contexts,
    PublishedCampaign campaign,
    CampaignEngine engine,
    TestingModeStore testingMode,
    TimeProvider time)
{
    public async Task<TriggerPreview> PreviewAsync(WebhookInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mode = await testingMode.IsEnabledAsync(ct) ? SequenceMode.Testing : SequenceMode.Production;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Email == input.Email).Select(c => new { c.Id, c.TimeZone }).FirstOrDefaultAsync(ct);
        var contactId = contact?.Id;
        var others = contact is null || !engine.NeedsOtherEmails(input, created: false, mode) ? [] : await db.Steps.AsNoTracking()
            .Where(s => s.Sequence!.ContactId == contact.Id && (s.Status == StepStatus.Scheduled || s.Status == StepStatus.Sending || s.Status == StepStatus.Sent))
            .Select(s => s.SentAt ?? s.SendAt).ToListAsync(ct);
        // The suppression list is the ingest's to apply: the preview shows the plan for the address as if it may be mailed.
        var start = engine.Start(await campaign.CurrentAsync(ct), input, mode, listed: null, input.Text("timezone") ?? contact?.TimeZone, others, now);
        if (start.Plan is not { } plan)
            return new TriggerPreview(input.Email, now, contactId is not null, null, mode.ToApiName(), [], null,
                input.Handler.Starts is null ? "This handler only creates or updates the contact; it sends no email." : "The input starts no sequence (see the warnings).",
                input.Warnings);

        var held = contactId is { } id
            ? await db.Sequences.AsNoTracking().Where(s => s.ContactId == id && s.DedupeKey == plan.DedupeKey)
                .Select(s => new { s.Id, s.Status }).FirstOrDefaultAsync(ct)
            : null;
        long? existing = held is not null && !CampaignEngine.Replaces(plan, held.Status) ? held.Id : null;
        var steps = plan.Steps.Select(s => new PlannedStep(s.Number, s.TemplateKey, s.DueAt, s.Status.ToApiName(), Note(s))).ToList();
        return new TriggerPreview(input.Email, now, contactId is not null, plan.Definition.Name, mode.ToApiName(), steps, existing, null, input.Warnings);
    }

    private static string? Note(Step step) => step.Status switch
    {
        StepStatus.Sent => "recorded as sent by the website",
        StepStatus.Skipped => step.LastError,
        _ => step.SendAtReason is { } why ? $"goes at {step.SendAt:yyyy-MM-dd HH:mm} UTC: {why}" : null,
    };
}
